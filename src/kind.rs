//! What each kind of callback declares once, in its own file: how a body of it is told
//! from the others ([`Rule`]), and what [`CallbackBody`] answers for it (its dedup key, the
//! party it concerns, when it happened, the delivery it reports). The registry
//! (`callback.rs`) makes [`Callback`](crate::Callback), [`CallbackKind`](crate::CallbackKind),
//! the kind rule and the reading of every kind from these.

use crate::dedup::DedupKey;
use crate::view::{Delivery, Party};
use crate::wire::Timestamp;

/// How a kind of callback is told from the others. Written down for each kind, never
/// derived from the fields its struct declares, so that adding a field to a struct changes
/// the kind of no body.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    /// The kind's name in an error: "a status".
    pub(crate) name: &'static str,
    /// The keys that mark the kind: keys it requires and that no other kind documents at
    /// the top level. A body with one of them and with no marker of another kind is of
    /// this kind.
    pub(crate) markers: &'static [&'static str],
    /// Keys that only this kind documents at the top level, but that it does not require:
    /// a body without markers that has them *resembles* this kind (so an error or
    /// diagnosis can say what it lacks). They never decide a kind.
    pub(crate) resembles: &'static [&'static str],
    /// Keys a body of this kind often starts with, in edna's examples: a body whose first
    /// key is one of them is read as this kind first. Speed only: the markers decide.
    pub(crate) first_keys: &'static [&'static str],
}

/// How a kind of body is told (see [`Rule`]): implemented by every kind the registry
/// lists among the bodies told by their own markers.
pub(crate) trait Told {
    /// The kind's rule.
    const RULE: Rule;
}

mod sealed {
    /// Only the crate's own callback types are callback bodies (and each can say what it
    /// did not understand).
    pub trait Sealed: crate::wire::survey::Survey {}
}

pub(crate) use sealed::Sealed;

/// A type that one [`Callback`](crate::Callback) variant holds: what a handler asks of
/// every kind, answered by the kind's own file.
///
/// Implemented by every callback type of the crate (and by no other type); call it through
/// [`Callback`](crate::Callback) (`callback.dedup_key()`) or on a typed value with this
/// trait in scope.
pub trait CallbackBody: Sealed {
    /// The kind's short name, [`CallbackKind::as_str`](crate::CallbackKind::as_str):
    /// `incoming`, `status`, …
    const NAME: &'static str;

    /// The key that identifies this delivery, so that a retry of it can be recognised:
    /// see [`DedupKey`].
    fn dedup_key(&self) -> DedupKey;

    /// Who the callback concerns, when it names a person: see [`Party`].
    fn party(&self) -> Option<Party<'_>>;

    /// When it happened: the time edna gives for the event the callback reports.
    fn occurred_at(&self) -> Option<Timestamp>;

    /// The delivery a status reports, in one shape for every kind of status.
    fn delivery(&self) -> Option<Delivery<'_>>;

    /// What the callback carried that this version did not understand, by path, never by
    /// value: see [`Callback::unrecognized`](crate::Callback::unrecognized).
    fn unrecognized(&self) -> Vec<crate::Unrecognized> {
        crate::wire::survey::survey(self)
    }
}
