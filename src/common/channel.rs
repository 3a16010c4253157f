//! Messaging channels: legacy `imType` and `channelType` elsewhere.

open_enum! {
    /// A messaging channel. The legacy `imType` is written in lower case (`whatsapp`);
    /// elsewhere edna writes channel names in upper case.
    pub enum Channel {
        /// WhatsApp.
        Whatsapp = "WHATSAPP",
        /// Viber.
        Viber = "VIBER",
        /// SMS.
        Sms = "SMS",
        /// Telegram.
        Telegram = "TELEGRAM",
        /// VKontakte.
        Vkontakte = "VKONTAKTE",
        /// MAX.
        Max = "MAX",
        /// MAX Bot, next to `MAX` (seen in MAX traffic, 2026; `edna-docs/FACTS.md`).
        MaxBot = "MAX_BOT",
    }
}
