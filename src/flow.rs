//! WhatsApp Flows replies: the JSON document edna puts in `messageContent.text`.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::content::MessageContent;
use crate::enums::ContentType;
use crate::error::Error;

mod de;

/// The answers of a WhatsApp Flows form, read from a FLOW message's `messageContent.text`.
///
/// ```
/// # fn main() -> Result<(), edna_callbacks::Error> {
/// let body = include_bytes!("../fixtures/pulse-incoming-flow-form.ru.json");
/// let callbacks = edna_callbacks::parse_body(body)?;
/// let message = callbacks[0].as_incoming().expect("an incoming message");
/// let reply = message.message_content.flow_reply()?;
/// assert_eq!(reply.flow_token.as_deref(), Some("example"));
/// assert_eq!(reply.field_str("screen_0_Name_0"), Some("Ivan"));
/// # Ok(())
/// # }
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
        let mut fields: Map<String, Value> = self.flow_reply_as()?;
        let flow_token = match fields.remove("flow_token") {
            None | Some(Value::Null) => None,
            Some(Value::String(token)) => Some(token),
            Some(_) => return Err(flow_error("`flow_token` is not a string")),
        };
        Ok(FlowReply { flow_token, fields })
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
    /// let body = include_bytes!("../fixtures/pulse-incoming-flow-form.ru.json");
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
    /// (`T`'s own field and variant names and array indices; `?` for a key `T` does not
    /// declare, such as a map's key), the JSON kind found (`string`, `integer`, ...) and
    /// what `T` expected, but never a value of the text nor an undeclared key. A message
    /// `T`'s own `Deserialize` writes (`Error::custom`) may quote the value, so it is
    /// replaced by "the caller's type refused the value".
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
    /// value; a struct field given twice is an error), then handed to `T`.
    pub fn flow_reply_as<T: DeserializeOwned>(&self) -> Result<T, Error> {
        let text = self.flow_text()?;
        let node: de::Node = serde_json::from_str(text)
            .map_err(|e| flow_error(format!("the text is not JSON: {}", syntax_message(&e))))?;
        T::deserialize(node)
            .map_err(|e| flow_error(format!("at `{}` in the text: {}", e.path(), e.message())))
    }
}

/// serde_json's message for a text that is not JSON, without its position. Its syntax
/// messages are fixed texts; reading a [`de::Node`] raises no other kind, but if one came
/// its message is not repeated.
fn syntax_message(e: &serde_json::Error) -> String {
    if e.is_data() {
        return de::REFUSED.to_owned();
    }
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}
