//! The delivery status of a message, Pulse or legacy, and the order in which statuses
//! replace each other.

open_enum! {
    /// The delivery status of an outgoing message: Pulse `status` and legacy `dlvStatus`.
    ///
    /// Pulse examples write it in upper case (`READ`), the Pulse status table and the legacy
    /// API in lower case (`read`); both are read. Pulse fields are written `READ`, legacy
    /// fields `read`. edna says the list "can be extended": anything else is `Unknown`.
    ///
    /// ```
    /// use edna_callbacks::Status;
    ///
    /// assert_eq!(Status::from("read"), Status::Read);
    /// assert_eq!(Status::from("READ").as_str(), "READ");
    /// assert_eq!(Status::from("PENDING"), Status::Unknown("PENDING".into()));
    /// ```
    pub enum Status {
        /// The message has been sent to the recipient.
        Sent = "SENT",
        /// The message has been delivered to the recipient.
        Delivered = "DELIVERED",
        /// The message has been read by the recipient.
        Read = "READ",
        /// The message has been sent but not delivered.
        Undelivered = "UNDELIVERED",
        /// Sending the message was cancelled.
        Cancelled = "CANCELLED",
        /// No `delivered` status arrived within the message's validity period (or 24 hours).
        Expired = "EXPIRED",
        /// Processing the message failed.
        Failed = "FAILED",
        /// Sending the message has been delayed.
        Delayed = "DELAYED",
        /// The message has been queued for sending.
        Enqueued = "ENQUEUED",
        /// The content matched no approved template (legacy; seen in integrations).
        NoMatchTemplate = "NO-MATCH-TEMPLATE",
    }
}

impl Status {
    /// Whether the message failed to reach the recipient: `undelivered`, `failed`,
    /// `cancelled`, `expired` and `no-match-template`. `false` for the progress statuses,
    /// for `read`, and for an `Unknown` status (edna says the list can be extended; a new
    /// status is not taken for a failure).
    ///
    /// ```
    /// use edna_callbacks::Status;
    ///
    /// assert!(Status::Failed.is_failure());
    /// assert!(Status::from("expired").is_failure());
    /// assert!(!Status::Read.is_failure());
    /// assert!(!Status::from("PENDING").is_failure());
    /// ```
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            Self::Undelivered
                | Self::Cancelled
                | Self::Expired
                | Self::Failed
                | Self::NoMatchTemplate
        )
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
///
/// **Cascades.** This order holds within one delivery attempt. A message sent through a
/// cascade (say Viber, then SMS if Viber fails) is one request with one `requestId`, and
/// each stage reports its own statuses (`cascadeStageUUID` names the stage): Viber `SENT`,
/// `UNDELIVERED`, then SMS `SENT`, `DELIVERED`. Here the SMS stage's `SENT` after the
/// Viber stage's `UNDELIVERED` is not stale, though `Status::Sent.supersedes(&Undelivered)`
/// is `false`: compare whole statuses with
/// [`StatusCallback::supersedes`](crate::StatusCallback::supersedes) (or
/// [`Delivery::supersedes`](crate::Delivery::supersedes)), which treat a later stage as a
/// fresh start.
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
        matches!(self, Self::Read) || self.is_failure()
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
    /// described on this `impl`), within one cascade stage: across stages, use
    /// [`StatusCallback::supersedes`](crate::StatusCallback::supersedes).
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
    fn failures_are_the_final_statuses_but_read() {
        let failures = [
            Status::Undelivered,
            Status::Cancelled,
            Status::Expired,
            Status::Failed,
            Status::NoMatchTemplate,
        ];
        for status in Status::KNOWN {
            assert_eq!(status.is_failure(), failures.contains(status), "{status}");
        }
        for wire in ["failed", "FAILED", "no-match-template", "Undelivered"] {
            assert!(Status::from(wire).is_failure(), "{wire}");
        }
        for wire in [
            "read",
            "delivered",
            "sent",
            "enqueued",
            "delayed",
            "PENDING",
            "",
        ] {
            assert!(!Status::from(wire).is_failure(), "{wire}");
        }
    }
}
