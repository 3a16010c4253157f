//! Reads an edna callback body from a file (or standard input) and prints each callback's
//! kind and key fields, or the error that names what is wrong.
//!
//! It prints ids, kinds, statuses and times, never personal data: who sent a message is
//! said by what their identifier is (a phone number, a MAX id, …), not by its value; a
//! text by its length; a FLOW form by the names of its fields. Handlers that log what they
//! receive should do the same.
//!
//! ```text
//! cargo run --example parse_body -- fixtures/pulse-incoming-flow-form.ru.json
//! curl -s ... | cargo run --example parse_body
//! ```

use std::io::Read;
use std::process::ExitCode;

use edna_callbacks::{parse_body, Callback};

fn main() -> ExitCode {
    let mut body = Vec::new();
    let read = match std::env::args_os().nth(1) {
        Some(path) => std::fs::read(&path).map(|bytes| body = bytes),
        None => std::io::stdin().read_to_end(&mut body).map(drop),
    };
    if let Err(e) = read {
        eprintln!("cannot read the body: {e}");
        return ExitCode::from(2);
    }
    match parse_body(&body) {
        Ok(callbacks) => {
            println!("{} callback(s)", callbacks.len());
            for (i, callback) in callbacks.iter().enumerate() {
                println!("[{i}] {}", describe(callback));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn or_null<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "null".to_owned(), |v| v.to_string())
}

/// What a callback says, without personal data.
fn describe(callback: &Callback) -> String {
    let mut line = match callback {
        Callback::Incoming(m) => {
            let content = &m.message_content;
            let mut line = format!(
                "incoming id={} subjectId={} type={} receivedAt={}",
                m.id,
                or_null(m.subject_id.as_ref()),
                content.kind,
                m.received_at,
            );
            if let Some(text) = &content.text {
                line += &format!(" text=({} characters)", text.chars().count());
            }
            for item in content.items.iter().flatten() {
                line += &format!(" item={}", or_null(item.identifier.as_ref()));
            }
            if let Some(p) = &content.product {
                line += &format!(
                    " product={} catalog={}",
                    or_null(p.id.as_ref()),
                    or_null(p.catalog_id.as_ref())
                );
            }
            for p in content
                .order
                .iter()
                .flat_map(|o| o.products.iter().flatten())
            {
                line += &format!(
                    " order-line={}x{}@{}{}",
                    or_null(p.id.as_ref()),
                    or_null(p.quantity.as_ref()),
                    or_null(p.price.as_ref()),
                    p.currency.as_deref().unwrap_or("")
                );
            }
            if content.kind == edna_callbacks::ContentType::Flow {
                match content.flow_reply() {
                    Ok(reply) => {
                        let names: Vec<&str> = reply.fields.keys().map(String::as_str).collect();
                        line += &format!(
                            " flow_token={} fields=[{}]",
                            if reply.flow_token.is_some() { "given" } else { "none" },
                            names.join(", ")
                        );
                    }
                    Err(e) => line += &format!(" (flow reply unreadable: {e})"),
                }
            }
            line
        }
        Callback::Status(s) => format!(
            "status requestId={} status={} statusAt={} error={} paymentData={}",
            or_null(s.request_id.as_ref()),
            s.status,
            s.status_at,
            or_null(s.error.as_ref()),
            or_null(s.payment_data.as_ref().map(|p| p.kind())),
        ),
        Callback::LegacyStatus(s) => format!(
            "legacy-status imOutMessageId={} smsOutMessageId={} dlvStatus={} dlvStatusAt={} dlvError={}",
            or_null(s.im_out_message_id.as_ref()),
            or_null(s.sms_out_message_id.as_ref()),
            s.dlv_status,
            s.dlv_status_at,
            or_null(s.dlv_error.as_ref()),
        ),
        Callback::LegacyIncoming(m) => format!(
            "legacy-incoming id={} imType={} contentType={} receivedAt={} text=({} characters)",
            m.id,
            or_null(m.im_type.as_ref()),
            or_null(m.content_type.as_ref()),
            m.received_at,
            m.text.as_deref().map_or(0, |t| t.chars().count()),
        ),
        Callback::MessageMatcher(t) => describe_template("message-matcher", t),
        Callback::MessageMatcherStatus(s) => format!(
            "{} subjectIds={}",
            describe_template("message-matcher-status", &s.message_matcher),
            s.subject_ids.as_ref().map_or(0, Vec::len),
        ),
        Callback::TemplateCategoryChanged(e) => format!(
            "template-category-changed timestamp={} template={} category={}",
            e.timestamp, e.payload.id, e.payload.category,
        ),
        Callback::ShortLinkVisited(e) => format!(
            "short-link-visited timestamp={} outMessageId={} templateId={}",
            e.timestamp,
            or_null(e.payload.out_message_id.as_ref()),
            or_null(e.payload.template_id.as_ref()),
        ),
        Callback::UnknownEvent(e) => format!(
            "event of a type this version does not know: type={} timestamp={} (payload kept whole)",
            e.event_type, e.timestamp,
        ),
        Callback::CallingSettingsStatus(s) => format!(
            "calling-settings-status requestId={} status={} calling.status={}",
            or_null(s.request_id.as_ref()),
            s.status,
            or_null(s.calling.as_ref().and_then(|c| c.status.as_ref())),
        ),
        Callback::Unknown(body) => format!("unknown body kept whole: {}", body.diagnosis()),
        other => format!("{} callback", other.kind()),
    };
    if let Some(party) = callback.party() {
        line += &format!(" from=({})", party.field.as_str());
    }
    let unrecognized = callback.unrecognized();
    if !unrecognized.is_empty() {
        let found: Vec<String> = unrecognized.iter().map(ToString::to_string).collect();
        line += &format!(" not understood: {}", found.join("; "));
    }
    line
}

fn describe_template(kind: &str, t: &edna_callbacks::MessageMatcher) -> String {
    format!(
        "{kind} name={} channelType={} status={} (can send: {}) category={} updatedAt={}",
        t.name,
        t.channel_type,
        t.status,
        t.can_send(),
        or_null(t.category.as_ref()),
        or_null(t.updated_at.as_ref()),
    )
}
