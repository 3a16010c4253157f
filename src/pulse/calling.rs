//! The edna Pulse WhatsApp calling-settings status (edna's page "calling-webhook-status",
//! section WhatsApp calling of the Pulse API): after a request to change a WhatsApp
//! sender's calling settings (`channel-profile/whatsapp/{sender}/settings`, which names a
//! `callbackUrl`), edna POSTs the outcome to that URL.
//!
//! edna prints the format with schema placeholders (`fixtures/pulse-calling-settings-status.format.json`)
//! and an example (cut off in our copy) whose values are `SUCCESS`, `ENABLED`, `DEFAULT`,
//! `America/Manaus`, `MONDAY` … `SUNDAY`, `"1030"`, `"1900"` and `2026-01-01`. The other
//! values of the open enums below are those of Meta's WhatsApp Cloud API calling settings
//! (`POST /<PHONE_NUMBER_ID>/settings`, "Configure call settings"), which edna's format
//! mirrors in camel case.

use serde_json::{Map, Value};

use crate::dedup::{DedupKey, Part};
use crate::kind::{CallbackBody, Rule, Sealed, Told};
use crate::view::{Delivery, Party};
use crate::wire::read::Placeholder;
use crate::wire::{Id, Kept, Numeric, Timestamp};

wire_object! {
    /// The outcome of a request to change a WhatsApp sender's calling settings, as edna
    /// Pulse POSTs it to the request's `callbackUrl`: `{requestId, status, calling}`.
    ///
    /// It has `requestId` and `status` like a message status, but no `statusAt`; it is
    /// told by `calling`.
    ///
    /// ```
    /// use edna_callbacks::{
    ///     parse_body, CallIconVisibility, CallingFeatureStatus, CallingRequestStatus, DayOfWeek,
    /// };
    ///
    /// let body = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/edge/calling-settings-status.json"));
    /// let callbacks = parse_body(body)?;
    /// let settings = callbacks[0].as_calling_settings_status().expect("a calling-settings status");
    /// assert_eq!(settings.status, CallingRequestStatus::Success);
    /// let calling = settings.calling.as_ref().expect("the settings");
    /// assert_eq!(calling.status, Some(CallingFeatureStatus::Enabled));
    /// assert_eq!(calling.call_icon_visibility, Some(CallIconVisibility::Default));
    /// let hours = calling.call_hours.as_ref().expect("call hours");
    /// assert_eq!(hours.timezone_id.as_deref(), Some("America/Manaus"));
    /// let monday = &hours.weekly_operating_hours.as_deref().unwrap_or_default()[0];
    /// assert_eq!(monday.day_of_week, Some(DayOfWeek::Monday));
    /// assert_eq!(monday.open_time.as_deref(), Some("1030"));
    /// # Ok::<(), edna_callbacks::Error>(())
    /// ```
    pub struct CallingSettingsStatus {
        /// The id of the request that changed the settings.
        opt request_id: Id = "requestId", with_request_id;
        /// The outcome of the request (`SUCCESS`).
        req status: CallingRequestStatus = "status", with_status;
        /// The sender's calling settings. Required (it tells this kind from the others),
        /// but may be `null`.
        nul calling: CallingSettings = "calling", with_calling;
    }
}

wire_object! {
    /// A WhatsApp sender's calling settings (`calling`).
    pub struct CallingSettings {
        /// Whether calling is on for the sender (`ENABLED`, `DISABLED`).
        opt status: CallingFeatureStatus = "status", with_status;
        /// Whether WhatsApp shows the call button (`DEFAULT`, `DISABLE_ALL`).
        opt call_icon_visibility: CallIconVisibility = "callIconVisibility", with_call_icon_visibility;
        /// Whether a user who calls the business is asked to allow the business to call
        /// back (`ENABLED`, `DISABLED`).
        opt callback_permission_status: CallingFeatureStatus = "callbackPermissionStatus", with_callback_permission_status;
        /// When the business takes calls.
        opt call_hours: CallHours = "callHours", with_call_hours;
        /// Calls signalled over SIP to the business's own servers.
        opt sip: SipSettings = "sip", with_sip;
        /// How SRTP keys are exchanged (`DTLS`, `SDES`).
        opt srtp_key_exchange_protocol: SrtpKeyExchangeProtocol = "srtpKeyExchangeProtocol", with_srtp_key_exchange_protocol;
    }
}

wire_object! {
    /// When the business takes calls (`calling.callHours`).
    pub struct CallHours {
        /// Whether call hours apply (`ENABLED`, `DISABLED`).
        opt status: CallingFeatureStatus = "status", with_status;
        /// The time zone of the hours, an IANA name (`America/Manaus`).
        opt timezone_id: String = "timezoneId", with_timezone_id;
        /// The opening hours of each day of the week.
        opt weekly_operating_hours: Vec<OperatingHours> = "weeklyOperatingHours", with_weekly_operating_hours;
        /// The days whose hours differ (holidays).
        opt holiday_schedule: Vec<HolidayHours> = "holidaySchedule", with_holiday_schedule;
    }
}

wire_object! {
    /// The opening hours of one day of the week
    /// (`calling.callHours.weeklyOperatingHours[]`).
    pub struct OperatingHours {
        /// The day (`MONDAY` … `SUNDAY`).
        opt day_of_week: DayOfWeek = "dayOfWeek", with_day_of_week;
        /// When calls start, as four digits `HHMM` (`"1030"`), kept as text.
        opt open_time: String = "openTime", with_open_time;
        /// When calls end, as four digits `HHMM` (`"1900"`), kept as text.
        opt close_time: String = "closeTime", with_close_time;
    }
}

wire_object! {
    /// The hours of one holiday (`calling.callHours.holidaySchedule[]`).
    pub struct HolidayHours {
        /// The day, `YYYY-MM-DD` (`2026-01-01`), kept as text.
        opt date: String = "date", with_date;
        /// When calls start that day, `HHMM`.
        opt open_time: String = "openTime", with_open_time;
        /// When calls end that day, `HHMM`.
        opt close_time: String = "closeTime", with_close_time;
    }
}

wire_object! {
    /// Calls signalled over SIP to the business's own servers (`calling.sip`).
    pub struct SipSettings {
        /// Whether SIP is on (`ENABLED`, `DISABLED`).
        opt status: CallingFeatureStatus = "status", with_status;
        /// The business's SIP servers.
        opt servers: Vec<SipServer> = "servers", with_servers;
    }
}

wire_object! {
    /// One of the business's SIP servers (`calling.sip.servers[]`).
    pub struct SipServer {
        /// Its host name.
        opt hostname: String = "hostname", with_hostname;
        /// Its port: a string in edna's format (`"string"`), a number in Meta's API; kept
        /// as it came.
        opt port: Numeric = "port", with_port;
        /// Parameters added to the user part of the SIP request URI: any keys the business
        /// chose, each with its value, kept as they came (see [`Kept`]).
        opt request_uri_user_params: Kept<Map<String, Value>> = "requestUriUserParams", with_request_uri_user_params;
    }
}

open_enum! {
    /// The outcome of a calling-settings request (`status`). edna's example shows
    /// `SUCCESS`; anything else is `Unknown`.
    pub enum CallingRequestStatus {
        /// The settings were changed.
        Success = "SUCCESS",
    }
}

open_enum! {
    /// Whether a calling feature is on (`calling.status`, `callbackPermissionStatus`,
    /// `callHours.status`, `sip.status`).
    pub enum CallingFeatureStatus {
        /// On (edna's example).
        Enabled = "ENABLED",
        /// Off (Meta's calling settings).
        Disabled = "DISABLED",
    }
}

open_enum! {
    /// Whether WhatsApp shows the call button (`calling.callIconVisibility`).
    pub enum CallIconVisibility {
        /// The call button is shown (edna's example).
        Default = "DEFAULT",
        /// The call button is hidden everywhere (Meta's calling settings).
        DisableAll = "DISABLE_ALL",
    }
}

open_enum! {
    /// How SRTP keys are exchanged (`calling.srtpKeyExchangeProtocol`; values from Meta's
    /// calling settings).
    pub enum SrtpKeyExchangeProtocol {
        /// DTLS-SRTP, Meta's default.
        Dtls = "DTLS",
        /// SDES, only with SIP signalling.
        Sdes = "SDES",
    }
}

open_enum! {
    /// A day of the week (`weeklyOperatingHours[].dayOfWeek`).
    pub enum DayOfWeek {
        /// Monday.
        Monday = "MONDAY",
        /// Tuesday.
        Tuesday = "TUESDAY",
        /// Wednesday.
        Wednesday = "WEDNESDAY",
        /// Thursday.
        Thursday = "THURSDAY",
        /// Friday.
        Friday = "FRIDAY",
        /// Saturday.
        Saturday = "SATURDAY",
        /// Sunday.
        Sunday = "SUNDAY",
    }
}

impl CallingSettingsStatus {
    /// The outcome `status` of the request `request_id`, with `calling` empty (`null`).
    ///
    /// ```
    /// use edna_callbacks::{
    ///     parse_body, CallingFeatureStatus, CallingRequestStatus, CallingSettings,
    ///     CallingSettingsStatus,
    /// };
    ///
    /// let done = CallingSettingsStatus::new("req-1", CallingRequestStatus::Success)
    ///     .with_calling(CallingSettings::default().with_status(CallingFeatureStatus::Enabled));
    /// let body = serde_json::to_vec(&done)?;
    /// assert_eq!(parse_body(&body)?[0].as_calling_settings_status(), Some(&done));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(request_id: impl Into<Id>, status: CallingRequestStatus) -> Self {
        Self {
            request_id: Some(request_id.into()),
            status,
            ..Placeholder::placeholder()
        }
    }
}

empty_default! {
    CallingSettings
    CallHours
    OperatingHours
    HolidayHours
    SipSettings
    SipServer
}

impl Told for CallingSettingsStatus {
    const RULE: Rule = Rule {
        name: "a calling-settings status",
        markers: &["calling"],
        // `requestId` and `status` are a message status's keys too.
        resembles: &[],
        first_keys: &["calling"],
    };
}

impl Sealed for CallingSettingsStatus {}

/// The key of a calling-settings status is `(requestId, status)`: each request to change
/// the settings has its own id, and gets one outcome, which a retry repeats. Without a
/// `requestId` the key adds the digest of the whole body as it came ([`Part::digest`]).
impl CallbackBody for CallingSettingsStatus {
    const NAME: &'static str = "calling-settings-status";

    fn dedup_key(&self) -> DedupKey {
        let parts = [
            Part::from(self.request_id.as_ref()),
            Part::from(self.status.as_str()),
        ];
        DedupKey::of_parts_or_whole(Self::NAME, parts, self.request_id.is_some(), self)
    }

    fn party(&self) -> Option<Party<'_>> {
        None
    }

    /// None: edna gives no time for it.
    fn occurred_at(&self) -> Option<Timestamp> {
        None
    }

    /// None: it reports no message's delivery.
    fn delivery(&self) -> Option<Delivery<'_>> {
        None
    }
}
