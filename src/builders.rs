//! Building callbacks in code, for tests: constructors that take what a callback cannot do
//! without and leave everything else empty (`None`, no `extra`), so that struct-update
//! syntax fills in the rest:
//!
//! ```
//! use edna_callbacks::{Id, Status, StatusCallback, Timestamp};
//!
//! let failed = StatusCallback {
//!     subject_id: Some(Id::Number(2)),
//!     comment: Some("retry later".into()),
//!     ..StatusCallback::new("r-1", Status::Failed, Timestamp::parse("2023-10-31T11:07:56Z")?)
//! };
//! assert_eq!(failed.request_id, Some(Id::from("r-1")));
//! # Ok::<(), edna_callbacks::TimestampError>(())
//! ```
//!
//! Nested objects whose fields are all optional implement `Default`.

use crate::object::Placeholder;

use crate::content::{
    Attachment, Catalog, Contact, Item, Location, MessageContent, Order, OrderProduct, Product,
    Referral, Story, Subscriber, UserInfo,
};
use crate::enums::{ContentType, ConversationType, Status};
use crate::incoming::IncomingMessage;
use crate::legacy_incoming::LegacyIncomingMessage;
use crate::legacy_status::LegacyStatusCallback;
use crate::scalar::{Id, Numeric};
use crate::status::{PaymentData, StatusCallback, WhatsAppConversationPaymentData};
use crate::timestamp::Timestamp;

impl StatusCallback {
    /// A Pulse status callback for the message sent with `request_id`: every other field
    /// empty (written as `null`, as edna does).
    ///
    /// Serialized, it is the body edna would POST:
    ///
    /// ```
    /// use edna_callbacks::{parse_body, Callback, Status, StatusCallback, Timestamp};
    ///
    /// let status = StatusCallback::new(
    ///     "my-request-42",
    ///     Status::Delivered,
    ///     Timestamp::parse("2023-10-31T11:07:56Z")?,
    /// );
    /// let body = serde_json::to_string(&status)?;
    /// assert_eq!(
    ///     body,
    ///     r#"{"requestId":"my-request-42","messageId":null,"cascadeId":null,"#.to_owned()
    ///         + r#""cascadeStageUUID":null,"subject":null,"subjectId":null,"#
    ///         + r#""status":"DELIVERED","statusAt":"2023-10-31T11:07:56Z","#
    ///         + r#""error":null,"comment":null,"paymentData":null}"#
    /// );
    /// // ... and it reads back as the same callback.
    /// assert_eq!(parse_body(body.as_bytes())?, [Callback::Status(status)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// With struct-update syntax, the golden example of edna's page, built by hand:
    ///
    /// ```
    /// use edna_callbacks::{
    ///     parse_as, ConversationType, Id, PaymentData, Status, StatusCallback, Timestamp,
    ///     WhatsAppConversationPaymentData,
    /// };
    ///
    /// let built = StatusCallback {
    ///     cascade_id: Some(Id::Number(11)),
    ///     cascade_stage_uuid: Some("001-test001".into()),
    ///     subject: Some("test_subject".into()),
    ///     subject_id: Some(Id::Number(2)),
    ///     payment_data: Some(PaymentData::from(WhatsAppConversationPaymentData::new(
    ///         "test0001",
    ///         ConversationType::Marketing,
    ///         true,
    ///     ))),
    ///     ..StatusCallback::new("test-00135", Status::Read, Timestamp::parse("2023-10-31T11:07:56Z")?)
    /// };
    /// let golden = include_bytes!("../fixtures/pulse-status-read.en.json");
    /// assert_eq!(parse_as::<StatusCallback>(golden)?, built);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(request_id: impl Into<Id>, status: Status, status_at: impl Into<Timestamp>) -> Self {
        Self {
            request_id: Some(request_id.into()),
            status,
            status_at: status_at.into(),
            ..Placeholder::placeholder()
        }
    }
}

impl IncomingMessage {
    /// A Pulse incoming message with edna's message `id`, what it holds, and when edna
    /// received it: every other field empty.
    ///
    /// ```
    /// use edna_callbacks::{
    ///     parse_body, ContentType, Id, IncomingMessage, Item, MessageContent, Subscriber,
    ///     Timestamp,
    /// };
    ///
    /// let choice = IncomingMessage {
    ///     subject_id: Some(Id::Number(234)),
    ///     subscriber: Some(Subscriber::new(202, "79000000000")),
    ///     ..IncomingMessage::new(
    ///         102,
    ///         MessageContent {
    ///             items: Some(vec![Item::new("01", "item 1")]),
    ///             ..MessageContent::new(ContentType::ListPicker)
    ///         },
    ///         Timestamp::parse("2022-04-29T15:27:40Z")?,
    ///     )
    /// };
    /// let body = serde_json::to_vec(&choice)?;
    /// let parsed = parse_body(&body)?;
    /// assert_eq!(parsed[0].as_incoming(), Some(&choice));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<Id>,
        message_content: MessageContent,
        received_at: impl Into<Timestamp>,
    ) -> Self {
        Self {
            id: id.into(),
            message_content,
            received_at: received_at.into(),
            ..Placeholder::placeholder()
        }
    }

    /// A Pulse `TEXT` message: [`new`](Self::new) with [`MessageContent::text`].
    ///
    /// ```
    /// use edna_callbacks::{ContentType, IncomingMessage, Timestamp};
    ///
    /// let at = Timestamp::parse("2022-04-29T15:30:08Z")?;
    /// let message = IncomingMessage::text(101, "Thank you for your help", at);
    /// assert_eq!(message.message_content.kind, ContentType::Text);
    /// assert_eq!(message.message_content.text.as_deref(), Some("Thank you for your help"));
    /// # Ok::<(), edna_callbacks::TimestampError>(())
    /// ```
    pub fn text(
        id: impl Into<Id>,
        text: impl Into<String>,
        received_at: impl Into<Timestamp>,
    ) -> Self {
        Self::new(id, MessageContent::text(text), received_at)
    }
}

impl MessageContent {
    /// Content of type `kind` with every other field empty (`null`), as edna writes the
    /// fields that do not apply to a type.
    pub fn new(kind: ContentType) -> Self {
        Self {
            kind,
            ..Placeholder::placeholder()
        }
    }

    /// `TEXT` content.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::new(ContentType::Text)
        }
    }

    /// `FLOW` content: `reply` is the JSON document edna puts in `text`, such as
    /// `{"flow_token":"example"}`.
    ///
    /// ```
    /// use edna_callbacks::MessageContent;
    ///
    /// let content = MessageContent::flow(r#"{"screen_0_Name_0":"Ivan","flow_token":"example"}"#);
    /// let reply = content.flow_reply()?;
    /// assert_eq!(reply.flow_token.as_deref(), Some("example"));
    /// assert_eq!(reply.field_str("screen_0_Name_0"), Some("Ivan"));
    /// # Ok::<(), edna_callbacks::Error>(())
    /// ```
    pub fn flow(reply: impl Into<String>) -> Self {
        Self {
            text: Some(reply.into()),
            ..Self::new(ContentType::Flow)
        }
    }
}

impl LegacyStatusCallback {
    /// A legacy SME delivery status for the message sent with `im_out_message_id`: every
    /// other field empty.
    ///
    /// ```
    /// use edna_callbacks::{LegacyStatusCallback, Status, Timestamp};
    ///
    /// let status = LegacyStatusCallback::new(
    ///     "test-001",
    ///     Status::Read,
    ///     Timestamp::parse("2020-01-10T19:03:52.355+0300")?,
    /// );
    /// assert_eq!(
    ///     serde_json::to_string(&status)?,
    ///     r#"{"imOutMessageId":"test-001","dlvStatus":"read","#.to_owned()
    ///         + r#""dlvStatusAt":"2020-01-10T19:03:52.355+03:00","#
    ///         + r#""dlvError":null,"rate":null,"reserveSms":null}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        im_out_message_id: impl Into<Id>,
        dlv_status: Status,
        dlv_status_at: impl Into<Timestamp>,
    ) -> Self {
        Self {
            im_out_message_id: im_out_message_id.into(),
            dlv_status,
            dlv_status_at: dlv_status_at.into(),
            ..Placeholder::placeholder()
        }
    }
}

impl LegacyIncomingMessage {
    /// A legacy SME incoming message with edna's message `id` and when edna received it:
    /// every other field empty.
    ///
    /// ```
    /// use edna_callbacks::{Channel, ContentType, LegacyIncomingMessage, Timestamp};
    ///
    /// let location = LegacyIncomingMessage {
    ///     im_type: Some(Channel::Whatsapp),
    ///     content_type: Some(ContentType::from("location")),
    ///     latitude: Some("55.7558".into()),
    ///     longitude: Some("37.6173".into()),
    ///     ..LegacyIncomingMessage::new(43407126, Timestamp::parse("2021-10-20T08:42:51.354+0000")?)
    /// };
    /// let body = serde_json::to_string(&location)?;
    /// assert!(body.contains(r#""imType":"whatsapp""#));
    /// assert!(body.contains(r#""latitude":"55.7558""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: impl Into<Id>, received_at: impl Into<Timestamp>) -> Self {
        Self {
            id: id.into(),
            received_at: received_at.into(),
            ..Placeholder::placeholder()
        }
    }

    /// A legacy `text` message: [`new`](Self::new) with `contentType` `text` and `text`.
    ///
    /// ```
    /// use edna_callbacks::{ContentType, LegacyIncomingMessage, Timestamp};
    ///
    /// let at = Timestamp::parse("2021-10-20T08:42:51.354+0000")?;
    /// let message = LegacyIncomingMessage::text(43407125, "Hello edna", at);
    /// assert_eq!(message.content_type, Some(ContentType::Text));
    /// assert_eq!(message.text.as_deref(), Some("Hello edna"));
    /// # Ok::<(), edna_callbacks::TimestampError>(())
    /// ```
    pub fn text(
        id: impl Into<Id>,
        text: impl Into<String>,
        received_at: impl Into<Timestamp>,
    ) -> Self {
        Self {
            content_type: Some(ContentType::Text),
            text: Some(text.into()),
            ..Self::new(id, received_at)
        }
    }
}

impl WhatsAppConversationPaymentData {
    /// WhatsApp conversation billing details, as in edna's status example (no `type`).
    pub fn new(
        conversation_id: impl Into<Id>,
        conversation_type: ConversationType,
        chargeable: bool,
    ) -> Self {
        Self {
            conversation_id: Some(conversation_id.into()),
            conversation_type: Some(conversation_type),
            chargeable: Some(chargeable),
            ..Self::default()
        }
    }
}

impl From<WhatsAppConversationPaymentData> for PaymentData {
    fn from(value: WhatsAppConversationPaymentData) -> Self {
        Self::WhatsAppConversation(value)
    }
}

impl Subscriber {
    /// A subscriber with edna's `id` and its `identifier` (usually the phone number).
    pub fn new(id: impl Into<Id>, identifier: impl Into<Id>) -> Self {
        Self {
            id: Some(id.into()),
            identifier: Some(identifier.into()),
            ..Placeholder::placeholder()
        }
    }
}

impl Item {
    /// An interactive-menu element the user chose, with its `identifier` and `title`.
    pub fn new(identifier: impl Into<Id>, title: impl Into<String>) -> Self {
        Self {
            identifier: Some(identifier.into()),
            title: Some(title.into()),
            ..Self::default()
        }
    }
}

impl Attachment {
    /// An attached file at `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            ..Self::default()
        }
    }
}

impl Location {
    /// A shared location (coordinates as numbers or strings, as edna sends either).
    pub fn new(latitude: impl Into<Numeric>, longitude: impl Into<Numeric>) -> Self {
        Self {
            latitude: Some(latitude.into()),
            longitude: Some(longitude.into()),
            ..Self::default()
        }
    }
}

impl OrderProduct {
    /// One line of an order.
    pub fn new(
        id: impl Into<Id>,
        quantity: impl Into<Numeric>,
        price: impl Into<Numeric>,
        currency: impl Into<String>,
    ) -> Self {
        Self {
            id: Some(id.into()),
            quantity: Some(quantity.into()),
            price: Some(price.into()),
            currency: Some(currency.into()),
            ..Placeholder::placeholder()
        }
    }
}

impl Order {
    /// An order of `products` from the catalog `catalog_id`.
    pub fn new(catalog_id: impl Into<Id>, products: Vec<OrderProduct>) -> Self {
        Self {
            catalog_id: Some(catalog_id.into()),
            products: Some(products),
            ..Placeholder::placeholder()
        }
    }
}

/// `Default` for the objects whose fields are all optional: every field empty, no `extra`.
macro_rules! empty_default {
    ($($name:ident)*) => {
        $(
            impl Default for $name {
                /// Every field empty (written as `null`), no `extra`.
                fn default() -> Self {
                    Placeholder::placeholder()
                }
            }
        )*
    };
}

empty_default! {
    Subscriber
    UserInfo
    Item
    Attachment
    Location
    Referral
    Contact
    Product
    Catalog
    Story
    Order
    OrderProduct
    WhatsAppConversationPaymentData
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::{parse_body, Callback};

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    /// Each golden example, built by hand, equals the parsed fixture.
    #[test]
    fn builds_the_golden_examples() {
        let legacy_status =
            LegacyStatusCallback::new("test-001", Status::Read, at("2020-01-10T19:03:52.355+0300"));
        assert_eq!(
            parse_body(include_bytes!("../fixtures/legacy-status.en.json")).unwrap(),
            [Callback::LegacyStatus(legacy_status)]
        );

        let legacy_incoming = LegacyIncomingMessage {
            im_subject: Some("subject".into()),
            address: Some("79XXXXXXXXX".into()),
            im_type: Some(crate::Channel::Whatsapp),
            user_name: Some("Joe".into()),
            api_key_id: Some(Id::Number(121)),
            history_messages: Some(vec![serde_json::Value::Null]),
            im_subject_id: Some(Id::Number(864)),
            ..LegacyIncomingMessage::text(
                43407125,
                "Hello edna",
                at("2021-10-20T08:42:51.354+0000"),
            )
        };
        assert_eq!(
            parse_body(include_bytes!("../fixtures/legacy-incoming.en.json")).unwrap(),
            [Callback::LegacyIncoming(legacy_incoming)]
        );

        let text = IncomingMessage {
            subject: Some("test_subject_WA".into()),
            subject_id: Some(Id::Number(234)),
            subscriber: Some(Subscriber::new(202, "79000000000")),
            user_info: Some(UserInfo {
                user_name: Some("alex".into()),
                ..UserInfo::default()
            }),
            ..IncomingMessage::text(101, "Thank you for your help", at("2022-04-29T15:30:08Z"))
        };
        assert_eq!(
            parse_body(include_bytes!("../fixtures/pulse-incoming-text.en.json")).unwrap(),
            [Callback::Incoming(text)]
        );

        let flow = IncomingMessage {
            subject: Some("test_subject_WA".into()),
            subject_id: Some(Id::Number(50520)),
            subscriber: Some(Subscriber::new(4633047, "79997776655")),
            user_info: Some(UserInfo {
                user_name: Some("Иван Иванов".into()),
                ..UserInfo::default()
            }),
            ..IncomingMessage::new(
                101,
                MessageContent::flow(r#"{"flow_token":"example"}"#),
                at("2025-03-25T12:12:12Z"),
            )
        };
        assert_eq!(
            parse_body(include_bytes!(
                "../fixtures/pulse-incoming-flow-token.ru.json"
            ))
            .unwrap(),
            [Callback::Incoming(flow)]
        );
    }

    #[test]
    fn built_callbacks_read_back_unchanged() {
        let order = IncomingMessage::new(
            804201,
            MessageContent {
                order: Some(
                    Order::new(
                        "1022121105031922",
                        vec![OrderProduct::new("111222", 2, 5, "USD")],
                    )
                    .into(),
                ),
                ..MessageContent::new(ContentType::Order)
            },
            at("2024-08-05T12:44:22Z"),
        );
        let location = IncomingMessage::new(
            1,
            MessageContent {
                location: Some(Location::new("55.7558", 37).into()),
                attachment: Some(Attachment::new("https://example.com/a.jpg").into()),
                ..MessageContent::new(ContentType::from("LOCATION"))
            },
            at("2024-08-05T12:44:22+03:00"),
        );
        let callbacks: Vec<Callback> = vec![order.into(), location.into()];
        let body = serde_json::to_vec(&callbacks).unwrap();
        assert_eq!(parse_body(&body).unwrap(), callbacks);
        let text = String::from_utf8(body).unwrap();
        assert!(
            text.contains(
                r#""products":[{"id":"111222","quantity":2,"price":5,"currency":"USD"}]"#
            ),
            "{text}"
        );
        assert!(
            text.contains(r#""location":{"latitude":"55.7558","longitude":37,"address":null}"#),
            "{text}"
        );
    }
}
