//! The `arbitrary` feature's share of the kinds: payment data, event envelopes and objects
//! of no known kind (every object and open enum generates itself through `wire_object!`
//! and `open_enum!`; the registry chooses the kind: `Callback`'s `Arbitrary`).
//!
//! What is generated is what edna could send: each callback, written as a body, is read
//! back by [`parse_body`](crate::parse_body) as the equal callback (`tests/arbitrary.rs`).

use arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::{Map, Value};

use crate::callback::{says, Says, UnknownCallback, RULES};
use crate::pulse::event::{Event, EventPayload, EventType};
use crate::pulse::status::{PaymentData, PaymentDataKind};
use crate::wire::generate::{self, Generate};
use crate::wire::Timestamp;

impl Generate for PaymentData {
    /// WhatsApp conversation data, or (now and then) data of an `@type` this version does
    /// not know, kept whole.
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        if u.ratio(1, 4)? {
            let mut map = generate::extra(u)?;
            if bool::arbitrary(u)? {
                let kind = String::generate(u)?;
                if PaymentDataKind::known(&kind).is_none() {
                    map.insert("@type".to_owned(), Value::String(kind));
                }
            }
            return Ok(PaymentData::Unknown(map.into()));
        }
        Generate::generate(u).map(PaymentData::WhatsAppConversation)
    }
}

/// An envelope of `event_type` around `payload`: any time, a version or none, and now and
/// then undocumented members.
fn event<P>(u: &mut Unstructured<'_>, event_type: EventType, payload: P) -> Result<Event<P>> {
    let mut event = Event::new(event_type, Timestamp::generate(u)?, payload)
        .with_version(Option::<String>::generate(u)?);
    event.extra = generate::extra(u)?.into();
    Ok(event)
}

impl<'a, P: Generate + EventPayload> Arbitrary<'a> for Event<P> {
    /// An event of the `type` its payload declares (`message_matcher.category_changed`,
    /// `short_link_visited`), or, for a payload of any type (`Value`), of a `type` this
    /// version does not know, with any payload (`null` too).
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let event_type = match P::EVENT_TYPE {
            Some(declared) => EventType::from(declared.to_owned()),
            None => {
                let mut name = String::generate(u)?;
                if EventType::known(&name).is_some() {
                    name.push_str(".next");
                }
                EventType::Unknown(name)
            }
        };
        let payload = P::generate(u)?;
        event(u, event_type, payload)
    }
}

impl<'a> Arbitrary<'a> for UnknownCallback {
    /// An object of no kind this version knows: members with no marker of any kind (keys
    /// another kind resembles among them, so that it looks like one), or now and then the
    /// markers of two kinds; any values.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut body = Map::new();
        for _ in 0..u.int_in_range(0..=4)? {
            let resembled = RULES
                .get(u.choose_index(RULES.len())?)
                .map_or(&[][..], |(_, rule)| rule.resembles);
            let key = if u.ratio(1, 3)? && !resembled.is_empty() {
                (*u.choose(resembled)?).to_owned()
            } else {
                String::generate(u)?
            };
            if !matches!(says(&key), Says::Marker { .. }) {
                body.insert(key, generate::json(u, 1)?);
            }
        }
        if u.ratio(1, 6)? {
            let first = u.choose_index(RULES.len())?;
            let second = (first + 1 + u.choose_index(RULES.len() - 1)?) % RULES.len();
            for i in [first, second] {
                if let Some(marker) = RULES.get(i).and_then(|(_, rule)| rule.markers.first()) {
                    body.insert((*marker).to_owned(), generate::json(u, 1)?);
                }
            }
        }
        Ok(UnknownCallback::new(body))
    }
}
