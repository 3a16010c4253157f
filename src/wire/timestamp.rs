//! The one timestamp type every `...At` field uses, and its tolerant parser.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use super::read::{Field, Placeholder, Reader};
use serde::de::{self, Unexpected};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// An instant as edna writes it, read tolerantly and written back as RFC 3339.
///
/// edna's pages and traffic use several spellings of the same thing; all of these are read:
///
/// | form | example |
/// |---|---|
/// | RFC 3339 with `Z` | `2023-10-31T11:07:56Z` |
/// | offset with a colon | `2023-10-31T14:07:56+03:00` |
/// | offset without a colon (ISO 8601 basic) | `2020-01-10T19:03:52.355+0300`, `2021-10-20T08:42:51.354+0000` |
/// | 0 to 9 fractional digits | `2023-10-31T11:07:56.123456789Z` |
/// | stray spaces after the colons of the time | `2024-08-05T08: 24: 14Z` |
///
/// `T`/`t` and `Z`/`z` may be either case. Anything else (no offset, a second of 60, a day
/// the month does not have, a tenth fractional digit, trailing text) is refused with a
/// [`TimestampError`] that says what was expected and where, without repeating the input.
///
/// The offset is kept: `+0300` is written back as `+03:00`, not converted to UTC. Two
/// timestamps are equal when they are the same instant (`PartialEq` compares instants, as
/// [`OffsetDateTime`](https://docs.rs/time/0.3/time/struct.OffsetDateTime.html) does).
///
/// ```
/// use edna_callbacks::Timestamp;
///
/// let t: Timestamp = "2020-01-10T19:03:52.355+0300".parse()?;
/// assert_eq!(t.to_string(), "2020-01-10T19:03:52.355+03:00");
/// assert_eq!(t.get().unix_timestamp(), 1_578_672_232);
/// # Ok::<(), edna_callbacks::TimestampError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// Wraps an [`OffsetDateTime`](https://docs.rs/time/0.3/time/struct.OffsetDateTime.html).
    pub const fn new(value: OffsetDateTime) -> Self {
        Self(value)
    }

    /// The instant, with the offset it was written in.
    pub const fn get(self) -> OffsetDateTime {
        self.0
    }

    /// Reads a timestamp in any of the forms edna writes (see the type's documentation).
    ///
    /// # Errors
    ///
    /// [`TimestampError`] when `input` is not one of those forms, or names a date or time
    /// that does not exist.
    #[inline]
    pub fn parse(input: &str) -> Result<Self, TimestampError> {
        parse(input.as_bytes()).map(Self)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z: an integer that sorts as the instants do,
    /// whatever offset each timestamp was written in, for a database column or an index
    /// (RFC 3339 text with mixed offsets does not sort: `10:00+03:00` is before
    /// `08:00Z`).
    ///
    /// - Digits below the millisecond are dropped, rounding toward the past (the floor),
    ///   so the order is never reversed: `a < b` gives `a.unix_millis() <= b.unix_millis()`,
    ///   and two instants within the same millisecond have the same key. Keep the
    ///   timestamp itself (or [`get`](Self::get)`().unix_timestamp_nanos()`) where that
    ///   matters.
    /// - An instant before 1970 is negative, and the floor holds there too:
    ///   `1969-12-31T23:59:59.9995Z` is `-1`, not `0`.
    /// - Every timestamp has one: `time`'s range of years (±9999, or ±999999 with its
    ///   `large-dates` feature) is far within `i64` milliseconds.
    ///
    /// ```
    /// use edna_callbacks::Timestamp;
    ///
    /// let moscow = Timestamp::parse("2023-10-31T14:07:56.123+03:00")?;
    /// let utc = Timestamp::parse("2023-10-31T11:07:57Z")?;
    /// assert_eq!(moscow.unix_millis(), 1_698_750_476_123);
    /// assert!(moscow.unix_millis() < utc.unix_millis()); // as text, it sorts after
    /// assert_eq!(Timestamp::parse("1969-12-31T23:59:59.9995Z")?.unix_millis(), -1);
    /// assert_eq!(Timestamp::from_unix_millis(1_698_750_476_123), Some(moscow));
    /// # Ok::<(), edna_callbacks::TimestampError>(())
    /// ```
    pub fn unix_millis(self) -> i64 {
        let millis = self.0.unix_timestamp_nanos().div_euclid(1_000_000);
        // Cannot fail (see above); saturate rather than panic all the same.
        i64::try_from(millis).unwrap_or(if millis < 0 { i64::MIN } else { i64::MAX })
    }

    /// The instant `millis` milliseconds after 1970-01-01T00:00:00Z, in UTC: what
    /// [`unix_millis`](Self::unix_millis) stored, read back (equal to the original when it
    /// had no digits below the millisecond). `None` outside `time`'s range of years.
    pub fn from_unix_millis(millis: i64) -> Option<Self> {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
            .ok()
            .map(Self)
    }

    /// The instant written in UTC, in the RFC 3339 form, as the text of a key
    /// (`2020-01-10T16:03:52.355Z`). Unlike `Display`, it never fails: a year outside 0000
    /// to 9999 (which only a timestamp built from an `OffsetDateTime` can have) is written
    /// in ISO 8601's expanded form, a sign and six digits (`-000001-12-31T23:30:00Z`).
    pub(crate) fn utc_key_text(self, buf: &mut [u8; 40]) -> &str {
        let utc = self.0.checked_to_offset(UtcOffset::UTC).map_or(self, Self);
        // Always fits the buffer: `+999999-12-31T23:59:59.999999999+23:59` is 38 bytes.
        utc.write_into(buf, true).unwrap_or_default()
    }

    /// Writes the RFC 3339 form (`2020-01-10T19:03:52.355+03:00`) into `buf` and returns
    /// the written part. Fractional seconds are written with as many digits as they need;
    /// a zero offset is written `Z`.
    fn format_into(self, buf: &mut [u8; 40]) -> Result<&str, fmt::Error> {
        self.write_into(buf, false)
    }

    /// [`format_into`](Self::format_into); with `expanded`, a year outside 0000 to 9999 is
    /// written as a sign and six digits instead of failing.
    fn write_into(self, buf: &mut [u8; 40], expanded: bool) -> Result<&str, fmt::Error> {
        let mut dt = self.0;
        let mut offset = dt.offset();
        if offset.seconds_past_minute() != 0 {
            // RFC 3339 has no seconds in an offset: keep the instant, write it in UTC.
            offset = UtcOffset::UTC;
            dt = dt.checked_to_offset(offset).ok_or(fmt::Error)?;
        }
        let year = dt.year();
        let four_digits = (0..=9999).contains(&year);
        if !four_digits && !expanded {
            return Err(fmt::Error);
        }
        let mut n = 0;
        let mut put = |bytes: &[u8]| {
            for &b in bytes {
                if let Some(slot) = buf.get_mut(n) {
                    *slot = b;
                    n += 1;
                }
            }
        };
        let two = |v: u8| [b'0' + v / 10, b'0' + v % 10];
        let y = year.unsigned_abs();
        if !four_digits {
            put(if year < 0 { b"-" } else { b"+" });
            put(&[
                b'0' + (y / 100_000 % 10) as u8,
                b'0' + (y / 10_000 % 10) as u8,
            ]);
        }
        put(&[
            b'0' + (y / 1000 % 10) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
            b'-',
        ]);
        put(&two(u8::from(dt.month())));
        put(b"-");
        put(&two(dt.day()));
        put(b"T");
        put(&two(dt.hour()));
        put(b":");
        put(&two(dt.minute()));
        put(b":");
        put(&two(dt.second()));
        let mut nanos = dt.nanosecond();
        if nanos != 0 {
            let mut digits = [0u8; 9];
            for d in digits.iter_mut().rev() {
                *d = b'0' + (nanos % 10) as u8;
                nanos /= 10;
            }
            let len = digits.iter().rposition(|&d| d != b'0').map_or(0, |i| i + 1);
            put(b".");
            put(digits.get(..len).unwrap_or(&[]));
        }
        if offset.is_utc() {
            put(b"Z");
        } else {
            let (h, m, _) = offset.as_hms();
            put(if offset.is_negative() { b"-" } else { b"+" });
            put(&two(h.unsigned_abs()));
            put(b":");
            put(&two(m.unsigned_abs()));
        }
        let written = buf.get(..n).ok_or(fmt::Error)?;
        std::str::from_utf8(written).map_err(|_| fmt::Error)
    }
}

impl From<OffsetDateTime> for Timestamp {
    fn from(value: OffsetDateTime) -> Self {
        Self(value)
    }
}

impl From<Timestamp> for OffsetDateTime {
    fn from(value: Timestamp) -> Self {
        value.0
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for Timestamp {
    type Error = TimestampError;

    /// [`Timestamp::parse`].
    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl TryFrom<String> for Timestamp {
    type Error = TimestampError;

    /// [`Timestamp::parse`].
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl fmt::Display for Timestamp {
    /// The RFC 3339 form. Fails (as `fmt::Error`) only for a year outside 0000 to 9999,
    /// which RFC 3339 cannot write and the parser never produces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 40];
        f.write_str(self.format_into(&mut buf)?)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 40];
        match self.format_into(&mut buf) {
            Ok(s) => serializer.serialize_str(s),
            Err(_) => Err(serde::ser::Error::custom(
                "timestamp year is outside 0000-9999, which RFC 3339 cannot write",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    /// Reads a string in any form [`Timestamp::parse`] reads. The error for a value that
    /// is not a string names its type without repeating it.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_str(
            deserializer,
            "a timestamp string such as 2023-10-31T11:07:56Z",
            Timestamp::parse,
        )
    }
}

/// Every text a [`TimestampError`] says was expected (the safe-error layer lets an error
/// through only when it names one of these).
pub(crate) const EXPECTED: [&str; 23] = [
    "four-digit year",
    "'-' after the year",
    "two-digit month",
    "'-' after the month",
    "two-digit day",
    "'T' between date and time",
    "two-digit hour",
    "':'",
    "two-digit minute",
    "two-digit second",
    "at most nine fractional digits",
    "a digit after '.'",
    "offset ('Z', '+hh:mm' or '+hhmm')",
    "two-digit offset hours",
    "two-digit offset minutes",
    "offset within -23:59 to +23:59",
    "end of the timestamp",
    "month 01 to 12",
    "a day the month has",
    "hour 00 to 23",
    "minute 00 to 59",
    "second 00 to 59",
    "a valid time of day",
];

/// Why a string is not a timestamp: what was expected, and at which byte.
///
/// Its text never repeats the input, so it is safe to log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimestampError {
    expected: &'static str,
    at: usize,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid timestamp: {} at byte {}",
            self.expected, self.at
        )
    }
}

impl std::error::Error for TimestampError {}

impl TimestampError {
    /// What the parser expected to find (for example `"two-digit month"`).
    pub fn expected(&self) -> &'static str {
        self.expected
    }

    /// The byte offset in the input where it was expected.
    pub fn position(&self) -> usize {
        self.at
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn fail<T>(&self, expected: &'static str) -> Result<T, TimestampError> {
        Err(TimestampError {
            expected,
            at: self.at,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn digits(&mut self, count: usize, what: &'static str) -> Result<u32, TimestampError> {
        let end = self.at + count;
        let Some(slice) = self.bytes.get(self.at..end) else {
            return self.fail(what);
        };
        let mut value = 0u32;
        for &b in slice {
            if !b.is_ascii_digit() {
                return self.fail(what);
            }
            value = value * 10 + u32::from(b - b'0');
        }
        self.at = end;
        Ok(value)
    }

    fn byte(&mut self, accepted: &[u8], what: &'static str) -> Result<u8, TimestampError> {
        match self.peek() {
            Some(b) if accepted.contains(&b) => {
                self.at += 1;
                Ok(b)
            }
            _ => self.fail(what),
        }
    }

    /// A colon, then any run of spaces (edna has written `08: 24: 14`).
    fn colon(&mut self) -> Result<(), TimestampError> {
        self.byte(b":", "':'")?;
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
        Ok(())
    }
}

#[inline(always)]
fn parse(bytes: &[u8]) -> Result<OffsetDateTime, TimestampError> {
    match parse_common(bytes) {
        Some(value) => Ok(value),
        None => parse_any(bytes),
    }
}

const MONTHS: [Month; 12] = [
    Month::January,
    Month::February,
    Month::March,
    Month::April,
    Month::May,
    Month::June,
    Month::July,
    Month::August,
    Month::September,
    Month::October,
    Month::November,
    Month::December,
];

/// One ASCII digit.
#[inline(always)]
fn digit(byte: u8) -> Option<u32> {
    let d = byte.wrapping_sub(b'0');
    (d < 10).then_some(u32::from(d))
}

/// Two ASCII digits.
#[inline(always)]
fn two(a: u8, b: u8) -> Option<u32> {
    Some(digit(a)? * 10 + digit(b)?)
}

/// The layout edna nearly always writes (`2023-10-31T11:07:56Z`, `.355+0300`,
/// `+03:00`), read at fixed positions. Anything else, valid or not, is left to
/// [`parse_any`] (`None`), which reads every form and says what is wrong.
#[inline(always)]
fn parse_common(bytes: &[u8]) -> Option<OffsetDateTime> {
    let [y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, b'T' | b't', h0, h1, b':', mi0, mi1, b':', s0, s1, rest @ ..] =
        bytes
    else {
        return None;
    };
    let year = two(*y0, *y1)? * 100 + two(*y2, *y3)?;
    let (month, day) = (two(*mo0, *mo1)?, two(*d0, *d1)?);
    let (hour, minute, second) = (two(*h0, *h1)?, two(*mi0, *mi1)?, two(*s0, *s1)?);
    let (nanos, rest) = match rest {
        [b'.', fraction @ ..] => {
            let mut nanos = 0;
            let mut count = 0;
            let mut rest = fraction;
            while let [byte, after @ ..] = rest {
                let Some(d) = digit(*byte) else { break };
                if count == 9 {
                    return None;
                }
                nanos = nanos * 10 + d;
                count += 1;
                rest = after;
            }
            if count == 0 {
                return None;
            }
            for _ in count..9 {
                nanos *= 10;
            }
            (nanos, rest)
        }
        _ => (0, rest),
    };
    let offset = match rest {
        [b'Z' | b'z'] => UtcOffset::UTC,
        [sign @ (b'+' | b'-'), h0, h1, b':', m0, m1] | [sign @ (b'+' | b'-'), h0, h1, m0, m1] => {
            let (h, m) = (two(*h0, *h1)?, two(*m0, *m1)?);
            if h > 23 || m > 59 {
                return None;
            }
            let (h, m) = (h as i8, m as i8);
            let (h, m) = if *sign == b'-' { (-h, -m) } else { (h, m) };
            UtcOffset::from_hms(h, m, 0).ok()?
        }
        _ => return None,
    };
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    // A table rather than `Month::try_from`, whose result comes back through memory in a
    // way that stalls the load that reads it (a third of this function's time).
    let month = *MONTHS.get((month as usize).wrapping_sub(1))?;
    let date = Date::from_calendar_date(year as i32, month, day as u8).ok()?;
    let time = Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos).ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_offset(offset))
}

/// Reads every form edna writes, saying what is wrong and where when it fails.
#[cold]
#[inline(never)]
fn parse_any(bytes: &[u8]) -> Result<OffsetDateTime, TimestampError> {
    let mut c = Cursor { bytes, at: 0 };
    let year = c.digits(4, "four-digit year")?;
    c.byte(b"-", "'-' after the year")?;
    let month_at = c.at;
    let month = c.digits(2, "two-digit month")?;
    c.byte(b"-", "'-' after the month")?;
    let day_at = c.at;
    let day = c.digits(2, "two-digit day")?;
    c.byte(b"Tt", "'T' between date and time")?;
    let hour_at = c.at;
    let hour = c.digits(2, "two-digit hour")?;
    c.colon()?;
    let minute_at = c.at;
    let minute = c.digits(2, "two-digit minute")?;
    c.colon()?;
    let second_at = c.at;
    let second = c.digits(2, "two-digit second")?;
    let mut nanos = 0u32;
    if c.peek() == Some(b'.') {
        c.at += 1;
        let start = c.at;
        while let Some(b @ b'0'..=b'9') = c.peek() {
            if c.at - start == 9 {
                return c.fail("at most nine fractional digits");
            }
            nanos = nanos * 10 + u32::from(b - b'0');
            c.at += 1;
        }
        let count = c.at - start;
        if count == 0 {
            return c.fail("a digit after '.'");
        }
        nanos *= 10u32.pow(9 - count as u32);
    }
    let offset_at = c.at;
    let offset = match c.byte(b"Zz+-", "offset ('Z', '+hh:mm' or '+hhmm')")? {
        b'+' | b'-' => {
            let negative = bytes.get(offset_at) == Some(&b'-');
            let h = c.digits(2, "two-digit offset hours")?;
            if c.peek() == Some(b':') {
                c.colon()?;
            }
            let m = c.digits(2, "two-digit offset minutes")?;
            if h > 23 || m > 59 {
                return Err(TimestampError {
                    expected: "offset within -23:59 to +23:59",
                    at: offset_at,
                });
            }
            let sign = if negative { -1 } else { 1 };
            // h <= 23 and m <= 59 were checked above, so both fit and the offset is valid.
            UtcOffset::from_hms(sign * h as i8, sign * m as i8, 0).map_err(|_| TimestampError {
                expected: "offset within -23:59 to +23:59",
                at: offset_at,
            })?
        }
        _ => UtcOffset::UTC,
    };
    if c.at != bytes.len() {
        return c.fail("end of the timestamp");
    }
    let range = |expected, at| TimestampError { expected, at };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or(range("month 01 to 12", month_at))?;
    let date = Date::from_calendar_date(year as i32, month, day as u8)
        .map_err(|_| range("a day the month has", day_at))?;
    if hour > 23 {
        return Err(range("hour 00 to 23", hour_at));
    }
    if minute > 59 {
        return Err(range("minute 00 to 59", minute_at));
    }
    if second > 59 {
        return Err(range("second 00 to 59", second_at));
    }
    let time = Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos)
        .map_err(|_| range("a valid time of day", hour_at))?;
    Ok(PrimitiveDateTime::new(date, time).assume_offset(offset))
}

/// Reads a string and hands it to `read`. In a human-readable format the value is read
/// with `deserialize_any`, so that a value of another type is named by its type only
/// (serde_json's own "invalid type" errors for `deserialize_str` quote it).
pub(crate) fn read_str<'de, D, T, E>(
    deserializer: D,
    expecting: &'static str,
    read: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: fmt::Display,
{
    let visitor = StrVisitor {
        expecting,
        read,
        _value: PhantomData,
    };
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_str(visitor)
    }
}

struct StrVisitor<F, T> {
    expecting: &'static str,
    read: F,
    _value: PhantomData<fn() -> T>,
}

impl<F, T, E> StrVisitor<F, T>
where
    F: FnOnce(&str) -> Result<T, E>,
    E: fmt::Display,
{
    fn wrong<Er: de::Error>(self, found: &'static str) -> Result<T, Er> {
        Err(Er::invalid_type(Unexpected::Other(found), &self))
    }
}

impl<'de, F, T, E> de::Visitor<'de> for StrVisitor<F, T>
where
    F: FnOnce(&str) -> Result<T, E>,
    E: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<Er: de::Error>(self, v: &str) -> Result<T, Er> {
        (self.read)(v).map_err(Er::custom)
    }

    fn visit_i64<Er: de::Error>(self, _: i64) -> Result<T, Er> {
        self.wrong("integer")
    }

    fn visit_u64<Er: de::Error>(self, _: u64) -> Result<T, Er> {
        self.wrong("integer")
    }

    fn visit_i128<Er: de::Error>(self, _: i128) -> Result<T, Er> {
        self.wrong("integer")
    }

    fn visit_u128<Er: de::Error>(self, _: u128) -> Result<T, Er> {
        self.wrong("integer")
    }

    fn visit_f64<Er: de::Error>(self, _: f64) -> Result<T, Er> {
        self.wrong("floating point")
    }

    fn visit_bytes<Er: de::Error>(self, _: &[u8]) -> Result<T, Er> {
        self.wrong("bytes")
    }

    /// A map, or a number under serde_json's `arbitrary_precision` (handed over as a
    /// map): named by its type either way.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match super::numeric::number_text(&mut map)? {
            Some(text) if super::numeric::is_integer(&text) => self.wrong("integer"),
            Some(_) => self.wrong("floating point"),
            None => Err(de::Error::invalid_type(Unexpected::Map, &self)),
        }
    }
}

impl Field for Timestamp {
    const EXPECTING: &'static str = "a timestamp string such as 2023-10-31T11:07:56Z";
    #[inline(never)]
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        let text = r.expect_string(Self::EXPECTING)?;
        match Timestamp::parse(&text) {
            Ok(t) => {
                *slot = t;
                Some(())
            }
            Err(e) => r.invalid(e.to_string()),
        }
    }
}

impl Placeholder for Timestamp {
    fn placeholder() -> Self {
        Self::new(OffsetDateTime::UNIX_EPOCH)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn ok(s: &str) -> OffsetDateTime {
        match Timestamp::parse(s) {
            Ok(t) => t.get(),
            Err(e) => panic!("{s:?} should parse: {e}"),
        }
    }

    fn err(s: &str) -> TimestampError {
        match Timestamp::parse(s) {
            Ok(t) => panic!("{s:?} should fail, got {t}"),
            Err(e) => e,
        }
    }

    #[test]
    fn unix_millis_sorts_across_offsets_and_floors_below_the_millisecond() {
        let ms = |s: &str| Timestamp::parse(s).map(Timestamp::unix_millis);
        assert_eq!(ms("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(ms("1970-01-01T03:00:00.001+03:00"), Ok(1));
        assert_eq!(ms("1970-01-01T00:00:00.000999999Z"), Ok(0));
        assert_eq!(ms("1969-12-31T23:59:59.999999999Z"), Ok(-1));
        assert_eq!(ms("1969-12-31T23:59:59.999Z"), Ok(-1));
        assert_eq!(ms("1969-12-31T23:59:59.998999Z"), Ok(-2));
        assert_eq!(ms("0000-01-01T00:00:00Z"), Ok(-62_167_219_200_000));
        assert_eq!(
            ms("9999-12-31T23:59:59.999999999Z"),
            Ok(253_402_300_799_999)
        );
        // Text order and instant order disagree; the key follows the instants.
        let (a, b) = ("2023-10-31T12:00:00+03:00", "2023-10-31T10:00:00Z");
        assert!(a > b);
        assert!(ms(a).unwrap() < ms(b).unwrap());
        for millis in [0, 1, -1, 1_698_750_476_123, -62_167_219_200_000] {
            let at = Timestamp::from_unix_millis(millis).unwrap();
            assert_eq!(at.unix_millis(), millis);
            assert!(at.get().offset().is_utc());
        }
        assert_eq!(Timestamp::from_unix_millis(i64::MAX), None);
        assert_eq!(Timestamp::from_unix_millis(i64::MIN), None);
    }

    #[test]
    fn the_utc_key_text_never_fails() {
        let mut buf = [0u8; 40];
        let at = Timestamp::parse("2020-01-10T19:03:52.355+0300").unwrap();
        assert_eq!(at.utc_key_text(&mut buf), "2020-01-10T16:03:52.355Z");
        let early = Timestamp::parse("0000-01-01T00:30:00+01:00").unwrap();
        assert_eq!(early.to_string(), "0000-01-01T00:30:00+01:00");
        assert_eq!(early.utc_key_text(&mut buf), "-000001-12-31T23:30:00Z");
        let late = Timestamp::parse("9999-12-31T23:59:59.999999999-23:59").unwrap();
        // Past `time`'s range in UTC: written in its own offset, still one text per
        // instant.
        assert_eq!(
            late.utc_key_text(&mut buf),
            "9999-12-31T23:59:59.999999999-23:59"
        );
    }

    #[test]
    fn reads_every_documented_form() {
        assert_eq!(
            ok("2023-10-31T11:07:56Z"),
            datetime!(2023-10-31 11:07:56 UTC)
        );
        assert_eq!(
            ok("2020-01-10T19:03:52.355+0300"),
            datetime!(2020-01-10 19:03:52.355 +3)
        );
        assert_eq!(
            ok("2021-10-20T08:42:51.354+0000"),
            datetime!(2021-10-20 08:42:51.354 UTC)
        );
        assert_eq!(
            ok("2024-08-05T08: 24: 14Z"),
            datetime!(2024-08-05 08:24:14 UTC)
        );
        assert_eq!(
            ok("2023-10-31T14:07:56+03:00"),
            datetime!(2023-10-31 11:07:56 UTC)
        );
        assert_eq!(
            ok("2023-10-31t11:07:56.123456789z"),
            datetime!(2023-10-31 11:07:56.123456789 UTC)
        );
        assert_eq!(
            ok("2023-10-31T01:07:56.1-05:30"),
            datetime!(2023-10-31 01:07:56.1 -5:30)
        );
    }

    #[test]
    fn keeps_the_offset() {
        assert_eq!(
            ok("2020-01-10T19:03:52.355+0300").offset(),
            UtcOffset::from_hms(3, 0, 0).unwrap()
        );
    }

    #[test]
    fn refuses_what_is_not_a_timestamp() {
        assert_eq!(err("").expected(), "four-digit year");
        assert_eq!(
            err("2023-10-31T11:07:56").expected(),
            "offset ('Z', '+hh:mm' or '+hhmm')"
        );
        assert_eq!(
            err("2023-10-31T11:07:56Zjunk").expected(),
            "end of the timestamp"
        );
        assert_eq!(err("2023-13-31T11:07:56Z").expected(), "month 01 to 12");
        assert_eq!(
            err("2023-02-29T11:07:56Z").expected(),
            "a day the month has"
        );
        assert_eq!(err("2023-10-31T24:00:00Z").expected(), "hour 00 to 23");
        assert_eq!(err("2023-10-31T11:60:00Z").expected(), "minute 00 to 59");
        assert_eq!(err("2023-10-31T23:59:60Z").expected(), "second 00 to 59");
        assert_eq!(err("2023-10-31T11:07:56.Z").expected(), "a digit after '.'");
        assert_eq!(
            err("2023-10-31T11:07:56.1234567891Z").expected(),
            "at most nine fractional digits"
        );
        assert_eq!(
            err("2023-10-31T11:07:56+24:00").expected(),
            "offset within -23:59 to +23:59"
        );
        assert_eq!(err("2023-10-31 11:07:56Z").position(), 10);
        assert_eq!(err("2023-10-31T11 :07:56Z").position(), 13);
        assert_eq!(err("1698750476").position(), 4);
    }

    #[test]
    fn error_text_does_not_repeat_the_input() {
        let e = err("2023-10-31T11:07:56+secret");
        assert_eq!(
            e.to_string(),
            "invalid timestamp: two-digit offset hours at byte 20"
        );
    }

    #[test]
    fn writes_rfc3339() {
        let cases = [
            ("2023-10-31T11:07:56Z", "2023-10-31T11:07:56Z"),
            (
                "2020-01-10T19:03:52.355+0300",
                "2020-01-10T19:03:52.355+03:00",
            ),
            ("2021-10-20T08:42:51.354+0000", "2021-10-20T08:42:51.354Z"),
            ("2024-08-05T08: 24: 14Z", "2024-08-05T08:24:14Z"),
            (
                "2023-10-31T01:07:56.000000010-05:30",
                "2023-10-31T01:07:56.00000001-05:30",
            ),
            ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        ];
        for (input, written) in cases {
            assert_eq!(
                Timestamp::parse(input).unwrap().to_string(),
                written,
                "{input}"
            );
        }
    }

    #[test]
    fn writes_what_time_writes() {
        use time::format_description::well_known::Rfc3339;
        for t in [
            datetime!(2023-10-31 11:07:56 UTC),
            datetime!(2023-10-31 11:07:56.5 +3),
            datetime!(1999-12-31 23:59:59.999999999 -9:30),
        ] {
            assert_eq!(Timestamp::new(t).to_string(), t.format(&Rfc3339).unwrap());
        }
    }

    #[test]
    fn the_common_layout_reads_as_every_form_does() {
        let mut inputs = vec![
            "2023-10-31T11:07:56Z".to_owned(),
            "2020-01-10T19:03:52.355+0300".to_owned(),
            "2021-10-20T08:42:51.354+0000".to_owned(),
            "2023-10-31T14:07:56+03:00".to_owned(),
            "2023-10-31t01:07:56.123456789-05:30".to_owned(),
            "2024-02-29T23:59:59.1z".to_owned(),
            "0000-01-01T00:00:00Z".to_owned(),
        ];
        // Every one-byte change of a few of them, valid or not.
        for base in inputs.clone() {
            for at in 0..base.len() {
                for b in "0123456789:-+.TZtz x".bytes() {
                    let mut bytes = base.clone().into_bytes();
                    bytes[at] = b;
                    inputs.extend(String::from_utf8(bytes).ok());
                }
            }
        }
        for input in inputs {
            if let Some(common) = parse_common(input.as_bytes()) {
                let any = parse_any(input.as_bytes()).unwrap();
                assert_eq!((common, common.offset()), (any, any.offset()), "{input}");
            }
        }
        assert!(parse_common(b"2023-10-31T11:07:56Z").is_some());
        assert!(parse_common(b"2020-01-10T19:03:52.355+0300").is_some());
    }

    #[test]
    fn try_from_strings() {
        let t = Timestamp::try_from("2020-01-10T19:03:52.355+0300").unwrap();
        assert_eq!(t.get(), datetime!(2020-01-10 19:03:52.355 +3));
        let t = Timestamp::try_from(String::from("2024-08-05T08: 24: 14Z")).unwrap();
        assert_eq!(t.get().unix_timestamp(), 1_722_846_254);
        let e = Timestamp::try_from("2023-10-31").unwrap_err();
        assert_eq!(e.expected(), "'T' between date and time");
        assert_eq!(e.position(), 10);
        let e = Timestamp::try_from(String::from("tomorrow")).unwrap_err();
        assert_eq!(e.position(), 0);
    }

    #[test]
    fn a_value_that_is_not_a_string_is_named_by_its_type_only() {
        let read = |json: &str| {
            serde_json::from_str::<Timestamp>(json)
                .unwrap_err()
                .to_string()
        };
        let expecting = "expected a timestamp string such as 2023-10-31T11:07:56Z";
        assert_eq!(
            read("79001112233"),
            format!("invalid type: integer, {expecting} at line 1 column 11")
        );
        assert_eq!(
            read("-79001112233"),
            format!("invalid type: integer, {expecting} at line 1 column 12")
        );
        assert_eq!(
            read("7900111.2233"),
            format!("invalid type: floating point, {expecting} at line 1 column 12")
        );
        assert_eq!(
            read(r#""79001112233""#),
            "invalid timestamp: '-' after the year at byte 4 at line 1 column 13"
        );
        assert_eq!(
            read("null"),
            format!("invalid type: null, {expecting} at line 1 column 4")
        );
    }

    #[test]
    fn offset_seconds_are_written_in_utc() {
        let t = datetime!(2023-10-31 11:07:56 +3:00:30);
        let written = Timestamp::new(t).to_string();
        assert_eq!(written, "2023-10-31T08:07:26Z");
        assert_eq!(ok(&written), t);
    }
}
