//! Retries and out-of-order statuses: what a handler needs to stay correct when edna sends
//! the same callback again, or a `delivered` after its `read`.
//!
//! edna retries any callback not answered with 200 (up to 3 more times after 4, 128 and
//! 2048 seconds on the current pages; 10 times, doubling from 4 seconds, on an older one),
//! so the same callback can arrive more than once; and statuses can arrive out of order.
//! [`Callback::dedup_key`] names a delivery so a handler can drop repeats, and
//! [`Status::supersedes`] tells whether a status should replace the one already recorded.

use std::fmt;

use crate::callback::Callback;
use crate::enums::{Channel, EventType, Status, TemplateCategory, TemplateStatus};
use crate::scalar::{Id, IdKey};
use crate::timestamp::Timestamp;

/// What identifies one delivery of a callback, so that a retry of it can be recognised.
///
/// Built by [`Callback::dedup_key`]. Two deliveries with equal keys are the same callback.
/// The ids in it are [`IdKey`]s, so a retry that sends an id as a string (`"101"`) has the
/// same key as one that sent it as a number (`101`).
///
/// `Display` gives a compact, unambiguous string form for a key-value store, in which each
/// part is a JSON value: `incoming:234:101`, `status:"test-00135":"READ"`. Equal keys
/// display alike: an id that is the decimal spelling of a number is written as the number
/// whichever type it came as (`"101"` gives `101`); every other string id is quoted.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DedupKey {
    /// A Pulse incoming message: `(subjectId, id)`.
    Incoming {
        /// `subjectId`.
        subject_id: Option<IdKey>,
        /// `id`.
        id: IdKey,
    },
    /// A Pulse status: `(requestId or messageId, status)`.
    Status {
        /// `requestId`, or `messageId` when `requestId` is null.
        reference: Option<IdKey>,
        /// `status`.
        status: Status,
    },
    /// A legacy incoming message: `(imSubjectId, id)`.
    LegacyIncoming {
        /// `imSubjectId`.
        subject_id: Option<IdKey>,
        /// `id`.
        id: IdKey,
    },
    /// A legacy delivery status: `(imOutMessageId, dlvStatus)`.
    LegacyStatus {
        /// `imOutMessageId`.
        im_out_message_id: IdKey,
        /// `dlvStatus`.
        status: Status,
    },
    /// A template status ([`MessageMatcher`](crate::MessageMatcher), or the older
    /// [`MessageMatcherStatus`](crate::MessageMatcherStatus), which has the key of its
    /// template): the template (`id`, `name`, `channelType`, `language`), its new `status`
    /// and `updatedAt`, the time of the change. A retry repeats all of them; a new status
    /// of the same template differs in `status` or `updatedAt` (a template that goes from
    /// `APPROVED` to `PAUSED` and back to `APPROVED` is three statuses with three times).
    TemplateStatus {
        /// `id` (absent on the older page).
        template_id: Option<IdKey>,
        /// `name`.
        name: String,
        /// `channelType`.
        channel_type: Channel,
        /// `language`.
        language: Option<String>,
        /// `status`.
        status: TemplateStatus,
        /// `updatedAt`.
        updated_at: Option<Timestamp>,
    },
    /// A `message_matcher.category_changed` event: the template's `id`, its new
    /// `category`, and the envelope's `timestamp`. A retry repeats all three; a later
    /// change of the same template to the same category has another `timestamp`.
    TemplateCategoryChanged {
        /// `payload.id`.
        template_id: IdKey,
        /// `payload.category`.
        category: TemplateCategory,
        /// The envelope's `timestamp`.
        timestamp: Option<Timestamp>,
    },
    /// A `short_link_visited` event: the message the button was in (`outMessageId`), the
    /// link (`shortLink`) and the envelope's `timestamp`. A retry repeats all three; a
    /// second click on the same button has another `timestamp` (on the older page, which
    /// gives whole seconds, two clicks within one second have one key). The recipient's
    /// `phone` is not part of the key: the message already names the recipient, and the
    /// key is meant to be stored.
    ShortLinkVisited {
        /// `payload.outMessageId`.
        out_message_id: Option<IdKey>,
        /// `payload.shortLink`.
        short_link: Option<String>,
        /// The envelope's `timestamp`.
        timestamp: Option<Timestamp>,
    },
    /// An event envelope of a `type` this version does not know (built by
    /// [`DedupKey::event`]): its `type`, `timestamp`, and the whole `payload` as compact
    /// JSON. Without knowing which payload field identifies the event, only everything it
    /// carries tells two events of one `type` and one `timestamp` apart, and a retry
    /// repeats it all. The payload may hold personal data (a phone number): hash the
    /// `Display` form before storing it where that matters.
    Event {
        /// The envelope's `type`.
        event_type: EventType,
        /// The envelope's `timestamp`.
        timestamp: Option<Timestamp>,
        /// The envelope's `payload`, as compact JSON (`null` when absent).
        payload: String,
    },
}

impl DedupKey {
    /// The key of an event envelope of a `type` the crate does not model: see
    /// [`DedupKey::Event`].
    ///
    /// ```
    /// use edna_callbacks::{DedupKey, EventType, Timestamp};
    ///
    /// let payload = serde_json::json!({"id": 5, "rating": 4});
    /// let key = DedupKey::event(
    ///     EventType::from("feedback_received"),
    ///     Timestamp::parse("2025-08-10T12:32:56Z")?,
    ///     &payload,
    /// );
    /// assert_eq!(
    ///     key.to_string(),
    ///     r#"event:"feedback_received":"2025-08-10T12:32:56Z":{"id":5,"rating":4}"#
    /// );
    /// # Ok::<(), edna_callbacks::TimestampError>(())
    /// ```
    pub fn event(
        event_type: EventType,
        timestamp: impl Into<Option<Timestamp>>,
        payload: &serde_json::Value,
    ) -> DedupKey {
        DedupKey::Event {
            event_type,
            timestamp: timestamp.into(),
            payload: payload.to_string(),
        }
    }
}

impl Callback {
    /// The key that identifies this delivery; see [`DedupKey`].
    ///
    /// ```
    /// use edna_callbacks::{parse_body, DedupKey, Id, Status};
    ///
    /// let body = include_bytes!("../fixtures/pulse-status-read.en.json");
    /// let callbacks = parse_body(body)?;
    /// assert_eq!(
    ///     callbacks[0].dedup_key(),
    ///     DedupKey::Status { reference: Some(Id::from("test-00135").key()), status: Status::Read }
    /// );
    /// assert_eq!(callbacks[0].dedup_key().to_string(), r#"status:"test-00135":"READ""#);
    /// # Ok::<(), edna_callbacks::Error>(())
    /// ```
    pub fn dedup_key(&self) -> DedupKey {
        match self {
            Self::Incoming(m) => DedupKey::Incoming {
                subject_id: m.subject_id.as_ref().map(Id::key),
                id: m.id.key(),
            },
            Self::Status(s) => DedupKey::Status {
                reference: s.request_id.as_ref().or(s.message_id.as_ref()).map(Id::key),
                status: s.status.clone(),
            },
            Self::LegacyIncoming(m) => DedupKey::LegacyIncoming {
                subject_id: m.im_subject_id.as_ref().map(Id::key),
                id: m.id.key(),
            },
            Self::LegacyStatus(s) => DedupKey::LegacyStatus {
                im_out_message_id: s.im_out_message_id.key(),
                status: s.dlv_status.clone(),
            },
            Self::TemplateStatus(t) => t.dedup_key(),
            Self::MessageMatcherStatus(s) => s.dedup_key(),
            Self::TemplateCategoryChanged(e) => e.dedup_key(),
            Self::LinkClicked(e) => e.dedup_key(),
            Self::Event(e) => e.dedup_key(),
        }
    }
}

/// Writes a part of a key as a JSON value: numbers bare, strings quoted and escaped, so
/// that no id can make two keys print the same.
struct Part<'a, T>(&'a T);

impl fmt::Display for Part<'_, Option<IdKey>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => Part(id).fmt(f),
            None => f.write_str("null"),
        }
    }
}

impl fmt::Display for Part<'_, IdKey> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_json(f)
    }
}

impl fmt::Display for Part<'_, Status> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", serde_json::Value::from(self.0.as_str()))
    }
}

/// Writes a string part (or an open enum's wire form) as a JSON string, `null` for `None`.
struct Text<'a>(Option<&'a str>);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(s) => write!(f, "{}", serde_json::Value::from(s)),
            None => f.write_str("null"),
        }
    }
}

/// Writes an instant as a JSON string in UTC, so that two keys that are equal (the same
/// instant written with different offsets) print the same; `null` for `None`.
impl fmt::Display for Part<'_, Option<Timestamp>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(t) => {
                let utc = t
                    .get()
                    .checked_to_offset(time::UtcOffset::UTC)
                    .map_or(*t, Timestamp::new);
                write!(f, "\"{utc}\"")
            }
            None => f.write_str("null"),
        }
    }
}

impl fmt::Display for DedupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Incoming { subject_id, id } => {
                write!(f, "incoming:{}:{}", Part(subject_id), Part(id))
            }
            Self::Status { reference, status } => {
                write!(f, "status:{}:{}", Part(reference), Part(status))
            }
            Self::LegacyIncoming { subject_id, id } => {
                write!(f, "legacy-incoming:{}:{}", Part(subject_id), Part(id))
            }
            Self::LegacyStatus {
                im_out_message_id,
                status,
            } => write!(
                f,
                "legacy-status:{}:{}",
                Part(im_out_message_id),
                Part(status)
            ),
            Self::TemplateStatus {
                template_id,
                name,
                channel_type,
                language,
                status,
                updated_at,
            } => write!(
                f,
                "template-status:{}:{}:{}:{}:{}:{}",
                Part(template_id),
                Text(Some(name)),
                Text(Some(channel_type.as_str())),
                Text(language.as_deref()),
                Text(Some(status.as_str())),
                Part(updated_at)
            ),
            Self::TemplateCategoryChanged {
                template_id,
                category,
                timestamp,
            } => write!(
                f,
                "template-category-changed:{}:{}:{}",
                Part(template_id),
                Text(Some(category.as_str())),
                Part(timestamp)
            ),
            Self::ShortLinkVisited {
                out_message_id,
                short_link,
                timestamp,
            } => write!(
                f,
                "short-link-visited:{}:{}:{}",
                Part(out_message_id),
                Text(short_link.as_deref()),
                Part(timestamp)
            ),
            Self::Event {
                event_type,
                timestamp,
                payload,
            } => write!(
                f,
                "event:{}:{}:{payload}",
                Text(Some(event_type.as_str())),
                Part(timestamp)
            ),
        }
    }
}

/// The ordering of statuses.
///
/// A message moves forward along `enqueued` → `delayed` → `sent` → `delivered` → `read`,
/// or ends in a failure: `undelivered`, `failed`, `cancelled`, `expired`,
/// `no-match-template`. `read` and every failure are *final*: nothing follows them.
///
/// [`supersedes`](Status::supersedes) answers "should this status replace the one I have
/// recorded?":
///
/// - a repeat of the same status does not;
/// - nothing supersedes a final status (the first final status that arrives wins, so a
///   late `delivered` never overwrites `read`, and a late `failed` never overwrites
///   `read`);
/// - a final status supersedes every status that is not final (`read` after `delivered`,
///   `failed` after `sent`);
/// - otherwise a status supersedes the ones before it in the forward order (`delivered`
///   after `sent`, not `sent` after `delivered`).
///
/// `Unknown` statuses (edna says the list can be extended) have no place in the order:
/// they are not final, supersede no known status, and every known status supersedes them;
/// one unknown status does not supersede another. A handler should record them as
/// information, not as the message's state.
impl Status {
    /// Whether no further status is expected after this one: `read` and the failures.
    ///
    /// ```
    /// use edna_callbacks::Status;
    ///
    /// assert!(Status::Read.is_final());
    /// assert!(Status::Expired.is_final());
    /// assert!(!Status::Delivered.is_final());
    /// assert!(!Status::from("SOMETHING_NEW").is_final());
    /// ```
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            Self::Read
                | Self::Undelivered
                | Self::Cancelled
                | Self::Expired
                | Self::Failed
                | Self::NoMatchTemplate
        )
    }

    /// The place of a status that is not final in the forward order.
    fn progress(&self) -> Option<u8> {
        match self {
            Self::Enqueued => Some(1),
            Self::Delayed => Some(2),
            Self::Sent => Some(3),
            Self::Delivered => Some(4),
            _ => None,
        }
    }

    /// Whether this status, arriving after `previous`, should replace it (see the ordering
    /// described on this `impl`).
    ///
    /// ```
    /// use edna_callbacks::Status;
    ///
    /// assert!(Status::Read.supersedes(&Status::Delivered));
    /// assert!(!Status::Delivered.supersedes(&Status::Read));
    /// assert!(Status::Failed.supersedes(&Status::Sent));
    /// assert!(!Status::Read.supersedes(&Status::Read));
    /// assert!(Status::Sent.supersedes(&Status::from("SOMETHING_NEW")));
    /// ```
    pub fn supersedes(&self, previous: &Status) -> bool {
        if self == previous || previous.is_final() {
            return false;
        }
        if self.is_final() {
            return true;
        }
        match (self.progress(), previous.progress()) {
            (Some(new), Some(old)) => new > old,
            (Some(_), None) => true, // `previous` is unknown
            (None, _) => false,      // `self` is unknown
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORWARD: [Status; 5] = [
        Status::Enqueued,
        Status::Delayed,
        Status::Sent,
        Status::Delivered,
        Status::Read,
    ];
    const FAILURES: [Status; 5] = [
        Status::Undelivered,
        Status::Failed,
        Status::Cancelled,
        Status::Expired,
        Status::NoMatchTemplate,
    ];

    #[test]
    fn forward_order() {
        for (i, a) in FORWARD.iter().enumerate() {
            for (j, b) in FORWARD.iter().enumerate() {
                assert_eq!(a.supersedes(b), i > j, "{a} after {b}");
            }
        }
    }

    #[test]
    fn failures_are_final_and_win_over_progress() {
        for f in &FAILURES {
            assert!(f.is_final());
            for p in &FORWARD[..4] {
                assert!(f.supersedes(p), "{f} after {p}");
                assert!(!p.supersedes(f), "{p} after {f}");
            }
            assert!(!f.supersedes(&Status::Read));
            assert!(!Status::Read.supersedes(f));
            for g in &FAILURES {
                assert!(!f.supersedes(g), "{f} after {g}");
            }
        }
    }

    #[test]
    fn every_known_status_is_placed() {
        for s in Status::KNOWN {
            assert!(s.is_final() || s.progress().is_some(), "{s}");
        }
    }

    #[test]
    fn unknown_statuses_take_no_place() {
        let new = Status::from("SEEN_BY_BOT");
        let other = Status::from("QUEUED_AGAIN");
        assert!(!new.is_final());
        for s in Status::KNOWN {
            assert!(!new.supersedes(s), "unknown after {s}");
            assert!(s.supersedes(&new), "{s} after unknown");
        }
        assert!(!new.supersedes(&other));
        assert!(!new.supersedes(&new.clone()));
    }

    #[test]
    fn key_parts_are_unambiguous() {
        let a = DedupKey::Incoming {
            subject_id: Some(Id::from("1:2").key()),
            id: Id::Number(3).key(),
        };
        let b = DedupKey::Incoming {
            subject_id: Some(Id::Number(1).key()),
            id: Id::from("2:3").key(),
        };
        assert_eq!(a.to_string(), r#"incoming:"1:2":3"#);
        assert_eq!(b.to_string(), r#"incoming:1:"2:3""#);
        let c = DedupKey::LegacyStatus {
            im_out_message_id: Id::from("x\"y").key(),
            status: Status::from("delivered"),
        };
        assert_eq!(c.to_string(), r#"legacy-status:"x\"y":"DELIVERED""#);
        let d = DedupKey::Status {
            reference: None,
            status: Status::Failed,
        };
        assert_eq!(d.to_string(), r#"status:null:"FAILED""#);
    }

    #[test]
    fn an_id_sent_as_a_string_or_a_number_is_one_key() {
        let key = |subject: Id, id: Id| DedupKey::Incoming {
            subject_id: Some(subject.key()),
            id: id.key(),
        };
        let number = key(Id::from(234), Id::from(101));
        let text = key(Id::from("234"), Id::from("101"));
        assert_eq!(number, text);
        assert_eq!(number.to_string(), "incoming:234:101");
        assert_eq!(text.to_string(), "incoming:234:101");
        let padded = key(Id::from(234), Id::from("0101"));
        assert_ne!(number, padded);
        assert_eq!(padded.to_string(), r#"incoming:234:"0101""#);
        let set: std::collections::HashSet<DedupKey> = [number, text, padded].into();
        assert_eq!(set.len(), 2);
    }
}
