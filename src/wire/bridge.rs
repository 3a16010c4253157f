//! How a type of the crate is a plain serde type: its `Deserialize` hands the value to the
//! crate's one reader, whatever the format.
//!
//! The type asks for its value as a newtype struct of a private name ([`TEXT_TOKEN`]):
//!
//! - the crate's safe-error layer ([`safe`](super::safe)) answers with the text of the
//!   value itself (as bytes, which no format hands over for a newtype), and takes the
//!   error back whole, so that `parse_as` gives exactly `parse_body`'s error;
//! - every format (serde_json's text, bytes, reader and `Value`, CBOR, MessagePack, YAML,
//!   serde's own buffered `Content`) hands over the value itself, which is written as JSON
//!   text by one generic [`Writer`] and read by the same reader: so every format gets the
//!   same values and the same errors. serde_json reads the value as it reads a `Value`
//!   while it hands it over: it checks every string, number and level, so a text it would
//!   refuse is its own syntax error, at its own line and column, and it counts the levels
//!   from the root of the whole document (a callback inside an array, or inside a caller's
//!   type, is one level deeper), which the reader, given the value's text alone, could not.
//!
//! The price is that text being written and read again: `serde_json::from_slice` of a
//! callback takes about twice `parse_body`'s time (`benches/README.md`).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::numeric::NUMBER_TOKEN;
use super::read::Reader;
use super::safe::{Key, TEXT_TOKEN};

/// Reads one value of a type of the crate from a reader positioned at its start; `None`
/// stops the read (the reader says why).
pub(crate) type Read<T> = fn(&mut Reader<'_>) -> Option<T>;

/// Reads a whole text with `read`, with the error `parse_body` would give.
pub(crate) fn read_text<T>(text: &str, read: Read<T>) -> Result<T, super::Error> {
    let mut r = Reader::new(text);
    match read(&mut r).filter(|_| r.at_end()) {
        Some(value) => Ok(value),
        None => Err(super::error::from_reader(
            super::error::Body::new(text.as_bytes()),
            &mut r,
        )),
    }
}

/// The `Deserialize` of a type of the crate that `read` reads.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    read: Read<T>,
) -> Result<T, D::Error> {
    deserializer.deserialize_newtype_struct(TEXT_TOKEN, Bridge { read })
}

struct Bridge<T> {
    read: Read<T>,
}

impl<T> Bridge<T> {
    /// Reads the JSON text a [`Writer`] wrote.
    fn read<E: de::Error>(&self, written: Vec<u8>) -> Result<T, E> {
        let text = String::from_utf8(written)
            .map_err(|_| E::custom(super::error::internal("written JSON is not UTF-8")))?;
        read_text(&text, self.read).map_err(E::custom)
    }

    /// Writes a value handed over by `write` as JSON text, and reads it.
    fn written<E: de::Error>(
        &self,
        write: impl FnOnce(Writer<'_>) -> Result<(), E>,
    ) -> Result<T, E> {
        let mut out = Vec::with_capacity(256);
        write(Writer { out: &mut out })?;
        self.read(out)
    }
}

/// A format that hands the value over without the newtype wrapper gets the same: each
/// method writes what it is handed.
macro_rules! hand_over {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<E: de::Error>(self, $($arg: $ty),*) -> Result<T, E> {
            self.written(|w| w.$method($($arg),*))
        }
    )*};
}

impl<'de, T> Visitor<'de> for Bridge<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    /// Only the safe-error layer hands the value over as its text, as bytes: read as it
    /// is, and an error given back whole through the layer's own channel.
    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<T, E> {
        let Ok(text) = std::str::from_utf8(v) else {
            return self.written(|w| w.visit_bytes(v));
        };
        let mut r = Reader::new(text);
        match (self.read)(&mut r).filter(|_| r.at_end()) {
            Some(value) => Ok(value),
            None => Err(match r.take_failure() {
                Some(failure) => super::safe::ours(&failure),
                None => E::custom(super::error::internal(
                    "the reader stopped on a checked text",
                )),
            }),
        }
    }

    /// Every format: the value, handed to the writer.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        self.written(|w| d.deserialize_any(w))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        self.written(|w| d.deserialize_any(w))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        self.written(|w| w.visit_map(map))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        self.written(|w| w.visit_seq(seq))
    }

    hand_over! {
        visit_none();
        visit_unit();
        visit_bool(v: bool);
        visit_i64(v: i64);
        visit_u64(v: u64);
        visit_i128(v: i128);
        visit_u128(v: u128);
        visit_f64(v: f64);
        visit_str(v: &str);
        visit_bytes(v: &[u8]);
    }
}

/// Writes whatever value a format hands over as JSON text, as serde_json would write the
/// `serde_json::Value` it would collect (a float that is not finite is `null`, bytes are
/// an array of numbers), with two differences that keep what the reader must see: a key
/// given twice is written twice (for the reader to refuse, as it does in any text), and an
/// integer past 64 bits is written whole (for the reader to say so, with its path).
pub(crate) struct Writer<'o> {
    out: &'o mut Vec<u8>,
}

impl Writer<'_> {
    /// Writes `value` as serde_json writes it.
    fn json<E: de::Error, V: serde::Serialize + ?Sized>(&mut self, value: &V) -> Result<(), E> {
        serde_json::to_writer(&mut *self.out, value)
            .map_err(|_| E::custom(super::error::internal("a value could not be written")))
    }
}

impl<'de> Visitor<'de> for Writer<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E: de::Error>(mut self, v: bool) -> Result<(), E> {
        self.json(&v)
    }

    fn visit_i64<E: de::Error>(mut self, v: i64) -> Result<(), E> {
        self.json(&v)
    }

    fn visit_u64<E: de::Error>(mut self, v: u64) -> Result<(), E> {
        self.json(&v)
    }

    fn visit_i128<E: de::Error>(mut self, v: i128) -> Result<(), E> {
        self.json(&v)
    }

    fn visit_u128<E: de::Error>(mut self, v: u128) -> Result<(), E> {
        self.json(&v)
    }

    fn visit_f64<E: de::Error>(mut self, v: f64) -> Result<(), E> {
        self.json(&v)
    }

    fn visit_str<E: de::Error>(mut self, v: &str) -> Result<(), E> {
        self.json(v)
    }

    fn visit_bytes<E: de::Error>(mut self, v: &[u8]) -> Result<(), E> {
        self.json(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.out.push(b'[');
        let mut first = true;
        loop {
            if !first {
                self.out.push(b',');
            }
            if seq.next_element_seed(Writer { out: self.out })?.is_none() {
                if !first {
                    self.out.pop();
                }
                break;
            }
            first = false;
        }
        self.out.push(b']');
        Ok(())
    }

    /// An object; under serde_json's `arbitrary_precision`, also a number (a map of one
    /// member, [`NUMBER_TOKEN`] its key and the number's text its value), written as it came.
    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let Some(Key(key)) = map.next_key::<Key<'de>>()? else {
            self.out.extend_from_slice(b"{}");
            return Ok(());
        };
        if key == NUMBER_TOKEN {
            let number: String = map.next_value()?;
            self.out.extend_from_slice(number.as_bytes());
            return Ok(());
        }
        self.out.push(b'{');
        self.json(&*key)?;
        self.out.push(b':');
        map.next_value_seed(Writer { out: self.out })?;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            self.out.push(b',');
            self.json(&*key)?;
            self.out.push(b':');
            map.next_value_seed(Writer { out: self.out })?;
        }
        self.out.push(b'}');
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Writer<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}
