//! The older SME API's callbacks: the delivery status and the incoming message.

pub(crate) mod incoming;
pub(crate) mod status;
