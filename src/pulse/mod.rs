//! edna Pulse's webhooks: incoming messages, message statuses, template statuses, the
//! WhatsApp calling-settings status, and the event envelopes (template category changes,
//! link clicks, events of any other type). Each in its own module, with its objects, constructors, dedup key and ordering.

pub(crate) mod calling;
pub(crate) mod event;
pub(crate) mod incoming;
pub(crate) mod status;
pub(crate) mod template;
