//! WhatsApp Flows replies: the JSON document edna puts in `messageContent.text`.

use serde::de::{self, DeserializeOwned};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::MessageContent;
use crate::common::ContentType;
use crate::wire::{error, json, safe, Error};

/// The answers of a WhatsApp Flows form, read from a FLOW message's `messageContent.text`.
///
/// ```
/// # fn main() -> Result<(), edna_callbacks::Error> {
/// let body = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pulse-incoming-flow-form.ru.json"));
/// let callbacks = edna_callbacks::parse_body(body)?;
/// let message = callbacks[0].as_incoming().expect("an incoming message");
/// let reply = message.message_content.flow_reply()?;
/// assert_eq!(reply.flow_token.as_deref(), Some("example"));
/// assert_eq!(reply.field_str("screen_0_Name_0"), Some("Ivan"));
/// # Ok(())
/// # }
/// ```
///
/// `Serialize` writes the document back: `flow_token` first (left out when `None`), then
/// the fields; `Deserialize` reads such a document (a `flow_token` that is neither a string
/// nor `null` is an error), so a reply can be stored, queued, or put back into a FLOW
/// message to test a handler with:
///
/// ```
/// use edna_callbacks::{FlowReply, MessageContent};
///
/// let reply: FlowReply = serde_json::from_str(r#"{"flow_token":"t-1","rating":"5"}"#)?;
/// assert_eq!(reply.flow_token.as_deref(), Some("t-1"));
/// let text = serde_json::to_string(&reply)?;
/// assert_eq!(text, r#"{"flow_token":"t-1","rating":"5"}"#);
/// assert_eq!(MessageContent::flow(text).flow_reply().ok(), Some(reply));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct FlowReply {
    /// The `flow_token` the flow was sent with, when the reply carries one.
    pub flow_token: Option<String>,
    /// Every other member of the document: the form's fields, by name.
    pub fields: Map<String, Value>,
}

impl FlowReply {
    /// The field `name`, when it is a string.
    pub fn field_str(&self, name: &str) -> Option<&str> {
        self.fields.get(name).and_then(Value::as_str)
    }
}

impl FlowReply {
    /// A reply with `flow_token` and the form's `fields`. The token written is
    /// `flow_token`'s: a `flow_token` member of `fields` is not written.
    pub fn new(flow_token: Option<String>, fields: Map<String, Value>) -> Self {
        Self { flow_token, fields }
    }
}

impl Serialize for FlowReply {
    /// The document: `flow_token` (when there is one), then every field.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields.iter().filter(|(key, _)| *key != "flow_token");
        let mut map = serializer.serialize_map(None)?;
        if let Some(token) = &self.flow_token {
            map.serialize_entry("flow_token", token)?;
        }
        for (key, value) in fields {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for FlowReply {
    /// A JSON object: its `flow_token` (a string, or `null` or absent for `None`) and
    /// every other member as a field.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::from_fields(Map::deserialize(deserializer)?).map_err(de::Error::custom)
    }
}

const TOKEN_NOT_A_STRING: &str = "`flow_token` is not a string";

impl FlowReply {
    /// The reply of a form's members: `flow_token` (a string, or `null` or absent for
    /// `None`) taken out, the rest its fields.
    fn from_fields(mut fields: Map<String, Value>) -> Result<Self, &'static str> {
        let flow_token = match fields.remove("flow_token") {
            None | Some(Value::Null) => None,
            Some(Value::String(token)) => Some(token),
            Some(_) => return Err(TOKEN_NOT_A_STRING),
        };
        Ok(Self { flow_token, fields })
    }
}

const TEXT_PATH: &str = "messageContent.text";

fn flow_error(message: impl Into<String>) -> Error {
    Error::Flow {
        path: TEXT_PATH.to_owned(),
        message: message.into(),
    }
}

impl MessageContent {
    fn flow_text(&self) -> Result<&str, Error> {
        if self.kind != ContentType::Flow {
            return Err(flow_error(format!(
                "the message type is {}, not FLOW",
                self.kind
            )));
        }
        self.text
            .as_deref()
            .ok_or_else(|| flow_error("the FLOW message has no text"))
    }

    /// Reads the FLOW reply: the `flow_token` and the form's fields.
    ///
    /// The message itself always parses, whatever its text holds; this is where an odd
    /// text is reported.
    ///
    /// # Errors
    ///
    /// [`Error::Flow`] when the message is not of type `FLOW`, has no text, or its text is
    /// not a JSON object (or is nested deeper than the JSON parser allows), or its
    /// `flow_token` is not a string.
    pub fn flow_reply(&self) -> Result<FlowReply, Error> {
        FlowReply::from_fields(self.flow_reply_as()?).map_err(flow_error)
    }

    /// Reads the FLOW reply into the caller's own type.
    ///
    /// ```
    /// #[derive(serde::Deserialize)]
    /// struct OrderForm {
    ///     flow_token: String,
    ///     #[serde(rename = "screen_0_Order_number_1")]
    ///     order_number: String,
    /// }
    /// # fn main() -> Result<(), edna_callbacks::Error> {
    /// let body = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pulse-incoming-flow-form.ru.json"));
    /// let callbacks = edna_callbacks::parse_body(body)?;
    /// let message = callbacks[0].as_incoming().expect("an incoming message");
    /// let form: OrderForm = message.message_content.flow_reply_as()?;
    /// assert_eq!((form.flow_token.as_str(), form.order_number.as_str()), ("example", "6"));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Flow`] when the message is not of type `FLOW`, has no text, or its text does
    /// not deserialize into `T`. The message is safe to log: it names where in the text
    /// (`T`'s own field and variant names and array indices; `<undocumented>` for a key `T`
    /// does not declare, such as a map's key, whatever it looks like), the JSON kind found
    /// (`string`, `integer`, ...) and what `T` expected, but never a value of the text nor
    /// an undeclared key. A message `T`'s own `Deserialize` writes (`Error::custom`) may
    /// quote the value, so it is replaced by a fixed text, unless it is one of the crate's
    /// own (a timestamp's or an id's error, from the `serde_with` adapters). This is the
    /// one safe-error layer [`parse_as`](crate::parse_as) uses too.
    ///
    /// ```
    /// #[derive(Debug, serde::Deserialize)]
    /// enum Topic { Order, Delivery }
    /// #[derive(Debug, serde::Deserialize)]
    /// struct Form { topic: Topic }
    ///
    /// let content = edna_callbacks::MessageContent::flow(r#"{"topic":"Ivan 79001112233"}"#);
    /// let err = content.flow_reply_as::<Form>().unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid FLOW reply in `messageContent.text`: \
    ///      at `topic` in the text: unknown variant, expected `Order` or `Delivery`"
    /// );
    /// ```
    ///
    /// The text is read as serde_json reads it (a key given twice in a map keeps its last
    /// value; a struct field given twice is an error), then handed to `T`. Whatever
    /// features of serde_json a build turns on (`arbitrary_precision` included), numbers
    /// reach `T` as serde_json hands them to `deserialize_any` without it.
    pub fn flow_reply_as<T: DeserializeOwned>(&self) -> Result<T, Error> {
        let text = self.flow_text()?;
        json::check_str(text)
            .map_err(|e| flow_error(format!("the text is not JSON: {}", error::message_of(&e))))?;
        safe::read::<T>(text)
            .map_err(|e| flow_error(format!("at `{}` in the text: {}", e.path(), e.message())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever serde_json features the build turns on (CI runs these with
    /// `arbitrary_precision` too), a FLOW form with decimals reads into the caller's types,
    /// and `flow_reply` sees the numbers as numbers.
    #[test]
    fn decimals_read_into_the_callers_types_under_any_serde_json_features() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        struct Form {
            price: f64,
            quantity: u32,
            total: serde_json::Value,
            note: Option<String>,
        }
        let content = MessageContent::flow(
            r#"{"flow_token":"t","price":10.5,"quantity":2,"total":21.0,"note":null}"#,
        );
        let form: Form = content.flow_reply_as().unwrap();
        assert_eq!(form.price, 10.5);
        assert_eq!(form.quantity, 2);
        assert_eq!(form.total.as_f64(), Some(21.0));
        assert_eq!(form.note, None);
        let reply = content.flow_reply().unwrap();
        assert_eq!(reply.flow_token.as_deref(), Some("t"));
        assert_eq!(reply.fields.len(), 4);
        assert_eq!(reply.fields["price"].as_f64(), Some(10.5));
        assert_eq!(reply.fields["quantity"].as_u64(), Some(2));
        // A bare number is no form, and says so in serde's words, never as an object.
        let bare = MessageContent::flow("10.5").flow_reply().unwrap_err();
        assert_eq!(
            bare.message(),
            "at `.` in the text: invalid type: floating point, expected a map"
        );
    }

    #[test]
    fn a_reply_writes_back_the_document_it_was_read_from() {
        let text = r#"{"flow_token":"t","price":10.5,"name":"Ivan","nested":{"a":[1,null]}}"#;
        let reply = MessageContent::flow(text).flow_reply().unwrap();
        let written = serde_json::to_string(&reply).unwrap();
        assert!(written.starts_with(r#"{"flow_token":"t","#), "{written}");
        assert_eq!(
            serde_json::from_str::<Value>(&written).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        assert_eq!(serde_json::from_str::<FlowReply>(&written).unwrap(), reply);
        assert_eq!(MessageContent::flow(written).flow_reply().unwrap(), reply);
        // No token: none written, none read.
        let bare = FlowReply::new(None, Map::new());
        assert_eq!(serde_json::to_string(&bare).unwrap(), "{}");
        assert_eq!(
            serde_json::from_str::<FlowReply>(r#"{"flow_token":null}"#).unwrap(),
            bare
        );
        // A token among the fields is not written twice.
        let mut fields = Map::new();
        fields.insert("flow_token".into(), "other".into());
        let twice = FlowReply::new(Some("t".into()), fields);
        assert_eq!(
            serde_json::to_string(&twice).unwrap(),
            r#"{"flow_token":"t"}"#
        );
        let e = serde_json::from_str::<FlowReply>(r#"{"flow_token":7}"#).unwrap_err();
        assert!(e.to_string().starts_with(TOKEN_NOT_A_STRING), "{e}");
        assert!(serde_json::from_str::<FlowReply>("[]").is_err());
    }

    #[test]
    fn a_text_that_is_not_json_is_named_without_being_quoted() {
        let e = MessageContent::flow(r#"{"name":"Ivan"#)
            .flow_reply()
            .unwrap_err();
        assert_eq!(e.path(), TEXT_PATH);
        assert!(e.message().starts_with("the text is not JSON: "), "{e}");
        assert!(!e.to_string().contains("Ivan"), "{e}");
    }
}
