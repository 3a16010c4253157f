//! An edna webhook on axum, written the way a production handler should be, knowing that
//! edna retries every callback it does not get a 200 for.
//!
//! `POST /edna/callback`:
//!
//! | request | answer | what happens |
//! |---|---|---|
//! | wrong or missing webhook key | 401 | nothing: the body is not even read |
//! | a body that parses | 200 | each callback is handed on (here: to a channel standing for your queue); what was not understood is logged by path, and a body of no known kind alerted on |
//! | a callback already handed on (a retry) | 200 | recognised by [`Callback::dedup_key`], not handed on twice |
//! | a body that does not parse | 200 | kept whole in the dead-letter directory, with the error: a retry cannot help |
//! | an array with some bad callbacks | 200 | the good ones handed on; each bad one kept on its own (its bytes only, not the other elements), with its error (`[3].receivedAt`) |
//! | handing on fails (queue full or gone), or a dead letter cannot be written | 503 | edna retries later |
//! | a body over [`MAX_BODY`] bytes | 413 | nothing (edna's bodies are a few KiB) |
//!
//! `HEAD` and `GET /edna/callback` (edna probes the URL when it is registered) get 200.
//!
//! ```text
//! EDNA_WEBHOOK_KEY=s3cret cargo run --example axum_webhook
//! curl -i -H 'Authorization: Token s3cret' --data-binary @fixtures/pulse-status-read.en.json \
//!     http://127.0.0.1:8080/edna/callback
//! ```
//!
//! Settings, from the environment: `EDNA_WEBHOOK_KEY` (required), `EDNA_WEBHOOK_ADDR`
//! (default `127.0.0.1:8080`), `EDNA_DEAD_LETTER_DIR` (default `edna-dead-letters`).
//!
//! `tests/axum_webhook.rs` runs this router on a loopback port and sends it every fixture.

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header::AUTHORIZATION, HeaderMap, StatusCode};
use axum::routing::get;
use axum::Router;
use edna_callbacks::{parse_body_each, Callback, DedupKey, WebhookKey};
use tokio::sync::mpsc;

/// The path edna POSTs to: register `https://<your host>/edna/callback` in edna.
pub const CALLBACK_PATH: &str = "/edna/callback";

/// The largest body read, in bytes.
pub const MAX_BODY: usize = 1 << 20;

/// How the webhook is set up.
pub struct Config {
    /// The webhook key configured in edna.
    pub key: WebhookKey,
    /// Where bodies that do not parse are kept: `<n>.body` holds the body byte for byte (or,
    /// for one bad element of an array, that element's bytes alone, so that no other
    /// element's data is kept with it), `<n>.error` the error (which names the field, never
    /// a value from the body).
    pub dead_letter_dir: PathBuf,
    /// How long to wait for room in the hand-on queue before answering 503.
    pub handoff_timeout: Duration,
    /// How many delivery keys to remember for recognising retries. edna retries for up to
    /// about an hour; size this for an hour of traffic. With more than one instance, keep
    /// the keys in a shared store instead (for example `SET key 1 NX EX 7200` in Redis, with
    /// the key's `Display` form).
    pub remembered: usize,
}

/// The webhook's state, shared by all requests.
pub struct Webhook {
    key: WebhookKey,
    dead_letter_dir: PathBuf,
    handoff_timeout: Duration,
    /// Where parsed callbacks go. Stands for your queue, database or job system.
    handoff: mpsc::Sender<Callback>,
    /// The keys of the callbacks handed on (or being handed on) lately.
    seen: Mutex<Seen>,
    /// Numbers the dead letters written by this process.
    dead_letters_written: AtomicU64,
}

impl Webhook {
    /// A webhook that hands each new callback on to `handoff`.
    pub fn new(config: Config, handoff: mpsc::Sender<Callback>) -> Arc<Self> {
        Arc::new(Self {
            key: config.key,
            dead_letter_dir: config.dead_letter_dir,
            handoff_timeout: config.handoff_timeout,
            handoff,
            seen: Mutex::new(Seen::new(config.remembered)),
            dead_letters_written: AtomicU64::new(0),
        })
    }

    fn seen(&self) -> MutexGuard<'_, Seen> {
        // Nothing panics while the lock is held; if something did, the set is still usable.
        self.seen.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Hands on the callbacks not handed on before; 503 if one cannot be.
    async fn hand_on(&self, callbacks: Vec<Callback>) -> StatusCode {
        // Claim every key first, so that a retry arriving while this request is still
        // handing on is not handed on a second time.
        let fresh: Vec<(DedupKey, Callback)> = {
            let mut seen = self.seen();
            callbacks
                .into_iter()
                .filter_map(|callback| {
                    let key = callback.dedup_key();
                    seen.claim(&key).then_some((key, callback))
                })
                .collect()
        };
        let mut fresh = fresh.into_iter();
        while let Some((key, callback)) = fresh.next() {
            if let Err(failure) = self
                .handoff
                .send_timeout(callback, self.handoff_timeout)
                .await
            {
                // Forget the keys not handed on, so that edna's retry of this body hands
                // them on (the ones handed on already are then recognised and skipped).
                let mut seen = self.seen();
                seen.release(&key);
                for (key, _) in fresh {
                    seen.release(&key);
                }
                eprintln!("cannot hand on {key}: {failure}; answering 503 so that edna retries");
                return StatusCode::SERVICE_UNAVAILABLE;
            }
        }
        StatusCode::OK
    }

    /// Keeps a body (or one element of it) that does not parse; 200 once it is written, 503
    /// if it cannot be.
    async fn keep_dead_letter(&self, body: &[u8], error: &edna_callbacks::Error) -> StatusCode {
        let millis = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let n = self.dead_letters_written.fetch_add(1, Ordering::Relaxed);
        let stem = self.dead_letter_dir.join(format!("{millis}-{n:06}"));
        match write_dead_letter(&self.dead_letter_dir, &stem, body, error).await {
            Ok(()) => {
                // The error never repeats a value from the body, so it is safe to log.
                eprintln!("kept {}.body: {error}", stem.display());
                StatusCode::OK
            }
            Err(io) => {
                eprintln!(
                    "cannot keep a dead letter in {}: {io}; answering 503 so that edna retries",
                    self.dead_letter_dir.display()
                );
                StatusCode::SERVICE_UNAVAILABLE
            }
        }
    }
}

async fn write_dead_letter(
    dir: &Path,
    stem: &Path,
    body: &[u8],
    error: &edna_callbacks::Error,
) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    tokio::fs::write(stem.with_extension("body"), body).await?;
    tokio::fs::write(stem.with_extension("error"), format!("{error}\n")).await
}

/// The delivery keys handed on lately: the newest `capacity` of them.
struct Seen {
    keys: HashSet<DedupKey>,
    order: VecDeque<DedupKey>,
    capacity: usize,
}

impl Seen {
    fn new(capacity: usize) -> Self {
        Self {
            keys: HashSet::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    /// Records `key`; false if it was already recorded (a duplicate delivery).
    fn claim(&mut self, key: &DedupKey) -> bool {
        if self.keys.contains(key) {
            return false;
        }
        if self.order.len() >= self.capacity {
            if let Some(oldest) = self.order.pop_front() {
                self.keys.remove(&oldest);
            }
        }
        self.keys.insert(key.clone());
        self.order.push_back(key.clone());
        true
    }

    /// Forgets `key`, claimed but not handed on.
    fn release(&mut self, key: &DedupKey) {
        if self.keys.remove(key) {
            if let Some(i) = self.order.iter().rposition(|k| k == key) {
                self.order.remove(i);
            }
        }
    }
}

/// The routes: `POST`, `HEAD` and `GET` on [`CALLBACK_PATH`].
pub fn router(webhook: Arc<Webhook>) -> Router {
    Router::new()
        // axum answers HEAD with the GET handler, without a body.
        .route(CALLBACK_PATH, get(probe).post(receive))
        .with_state(webhook)
}

/// edna's check that the URL answers, when it is registered.
async fn probe() -> StatusCode {
    StatusCode::OK
}

async fn receive(
    State(webhook): State<Arc<Webhook>>,
    headers: HeaderMap,
    body: Body,
) -> StatusCode {
    let authorization = headers.get(AUTHORIZATION).map(|value| value.as_bytes());
    if !webhook.key.verify_header(authorization) {
        return StatusCode::UNAUTHORIZED;
    }
    // Read the body only now that the sender is known to be edna.
    let body: Bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(body) => body,
        Err(error) => {
            let too_large = error
                .into_inner()
                .downcast::<http_body_util::LengthLimitError>()
                .is_ok();
            if too_large {
                eprintln!("refused a body over {MAX_BODY} bytes");
                return StatusCode::PAYLOAD_TOO_LARGE;
            }
            // The connection broke while the body was being sent: edna will retry.
            return StatusCode::BAD_REQUEST;
        }
    };
    // Each callback of an array on its own: one bad element costs only itself.
    let each = match parse_body_each(&body) {
        Ok(each) => each,
        // Not JSON, or not an object or an array: nothing in it can be handed on.
        Err(error) => return webhook.keep_dead_letter(&body, &error).await,
    };
    let mut good = Vec::with_capacity(each.len());
    let mut answer = StatusCode::OK;
    for element in each {
        match element.result {
            Ok(callback) => {
                // What this version did not understand, by path, never by value: a metric
                // that says edna sent something new. A body of no kind this version knows
                // is handed on like any other (kept whole), with an alert for a human.
                for found in callback.unrecognized() {
                    eprintln!("{} callback: {found}", callback.kind());
                }
                if let Some(unknown) = callback.as_unknown() {
                    eprintln!("alert: {}", unknown.diagnosis());
                }
                good.push(callback);
            }
            // Only this element's bytes: the other elements are other customers' messages,
            // handed on (or dead-lettered) on their own.
            Err(error) => {
                let bytes = element.text.as_bytes();
                if webhook.keep_dead_letter(bytes, &error).await != StatusCode::OK {
                    answer = StatusCode::SERVICE_UNAVAILABLE;
                }
            }
        }
    }
    if webhook.hand_on(good).await != StatusCode::OK {
        answer = StatusCode::SERVICE_UNAVAILABLE;
    }
    answer
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let Ok(key) = std::env::var("EDNA_WEBHOOK_KEY") else {
        eprintln!("set EDNA_WEBHOOK_KEY to the webhook key configured in edna");
        std::process::exit(2);
    };
    let addr = std::env::var("EDNA_WEBHOOK_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let dead_letter_dir =
        std::env::var("EDNA_DEAD_LETTER_DIR").unwrap_or_else(|_| "edna-dead-letters".into());

    let (handoff, mut callbacks) = mpsc::channel::<Callback>(1024);
    let webhook = Webhook::new(
        Config {
            key: WebhookKey::new(key),
            dead_letter_dir: dead_letter_dir.into(),
            handoff_timeout: Duration::from_secs(2),
            remembered: 100_000,
        },
        handoff,
    );
    // Stands for the rest of your system: here each callback is printed.
    tokio::spawn(async move {
        while let Some(callback) = callbacks.recv().await {
            println!("{} {}", callback.kind(), callback.dedup_key());
        }
    });

    let listener = tokio::net::TcpListener::bind(&addr).await?;
    eprintln!(
        "listening on http://{}{CALLBACK_PATH}",
        listener.local_addr()?
    );
    axum::serve(listener, router(webhook)).await
}
