//! The objects inside an incoming Pulse message: who sent it and what it holds.
//!
//! Every object keeps the fields it does not document in `extra`. Where edna documents no
//! schema (`story`, `catalog`, `location`), the fields integrators read are typed and
//! everything else is kept in `extra`.

use crate::enums::{ContentType, ReferralSourceType};
use crate::scalar::{Id, Numeric};

wire_object! {
    /// The sender of an incoming message (`subscriber`).
    pub struct Subscriber {
        /// edna's id of the subscriber (`subscriber.id`).
        opt id: Option<Id> = "id",
        /// Usually the phone number (`79000000000`), but edna also issues opaque ids.
        opt identifier: Option<Id> = "identifier",
    }
}

wire_object! {
    /// What the messenger knows of the sender (`userInfo`).
    ///
    /// The English page says `firstName` is the last name and `lastName` the patronymic;
    /// the fields are named as on the wire and their content is whatever edna sends.
    pub struct UserInfo {
        /// The name shown in the messenger.
        opt user_name: Option<String> = "userName",
        /// `firstName` as sent.
        opt first_name: Option<String> = "firstName",
        /// `lastName` as sent.
        opt last_name: Option<String> = "lastName",
        /// URL of the avatar.
        opt avatar_url: Option<String> = "avatarUrl",
    }
}

wire_object! {
    /// What an incoming message holds (`messageContent`).
    ///
    /// All fields are present on every message type, `null` where they do not apply; which
    /// ones are filled depends on [`kind`](Self::kind):
    ///
    /// | `type` | filled |
    /// |---|---|
    /// | `TEXT` | `text` (and `referral` when the chat began from an ad) |
    /// | `IMAGE`, `DOCUMENT`, `VIDEO`, `AUDIO` | `attachment`, maybe `caption` |
    /// | `BUTTON` | `payload` (the button code) |
    /// | `LIST_PICKER` | `items` |
    /// | `PRODUCT` | `product` |
    /// | `ORDER` | `order` |
    /// | `FLOW` | `text`, a JSON document: see [`flow_reply`](Self::flow_reply) |
    ///
    /// A message fills at most one of the objects (`attachment`, `location`, `referral`,
    /// `story`, `contact`, `product`, `catalog`, `order`), so each is boxed: the struct
    /// takes 208 bytes instead of 864, and a [`Callback`](crate::Callback) 584 instead of
    /// 1 240, small enough for the allocator's fast path. Build one with
    /// `Some(Order::new(..).into())`; read one as `content.order.as_deref()` or through
    /// the box (`order.products`).
    pub struct MessageContent {
        /// The content type (`type`).
        req kind: ContentType = "type",
        /// The attached file, for media messages.
        opt attachment: Option<Box<Attachment>> = "attachment" nested,
        /// A shared location.
        opt location: Option<Box<Location>> = "location" nested,
        /// The ad or post the conversation started from (WhatsApp, Viber Bot).
        opt referral: Option<Box<Referral>> = "referral" nested,
        /// The caption of a media message.
        opt caption: Option<String> = "caption",
        /// The message text; for `FLOW`, a JSON document with the form's answers.
        opt text: Option<String> = "text",
        /// The code of the HSM template button the user tapped.
        opt payload: Option<String> = "payload",
        /// A story the message answers or mentions (no schema documented).
        opt story: Option<Box<Story>> = "story" nested,
        /// The interactive-menu items the user chose.
        opt items: Option<Vec<Item>> = "items",
        /// A shared contact card.
        opt contact: Option<Box<Contact>> = "contact" nested,
        /// A product from a catalog.
        opt product: Option<Box<Product>> = "product" nested,
        /// A catalog (no schema documented).
        opt catalog: Option<Box<Catalog>> = "catalog" nested,
        /// An order.
        opt order: Option<Box<Order>> = "order" nested,
    }
}

wire_object! {
    /// An element of an interactive menu that the user chose (`messageContent.items[]`).
    pub struct Item {
        /// The element id, documented as an integer and sent as `"01"`: kept as sent.
        opt identifier: Option<Id> = "identifier",
        /// The element's title.
        opt title: Option<String> = "title",
        /// The element's subtitle.
        opt subtitle: Option<String> = "subtitle",
    }
}

wire_object! {
    /// An attached file (`messageContent.attachment`).
    pub struct Attachment {
        /// Where to download it.
        opt url: Option<String> = "url",
        /// Its file name.
        opt name: Option<String> = "name",
        /// Its size (documented as a string).
        opt size: Option<Numeric> = "size",
        /// Its MIME type (seen in integrations, not documented).
        opt mime_type: Option<String> = "mimeType",
    }
}

wire_object! {
    /// A shared location (`messageContent.location`).
    pub struct Location {
        /// Latitude, as a number or a string.
        opt latitude: Option<Numeric> = "latitude",
        /// Longitude, as a number or a string.
        opt longitude: Option<Numeric> = "longitude",
        /// The address, when the messenger gives one.
        opt address: Option<String> = "address",
    }
}

wire_object! {
    /// Where a conversation started, from a hidden link or an ad (`messageContent.referral`).
    pub struct Referral {
        /// The ad's text.
        opt body: Option<String> = "body",
        /// The ad's headline.
        opt headline: Option<String> = "headline",
        /// The id of the ad or post.
        opt source_id: Option<Id> = "sourceId",
        /// `ad` or `post`.
        opt source_type: Option<ReferralSourceType> = "sourceType",
        /// The URL the user saw.
        opt source_url: Option<String> = "sourceUrl",
    }
}

wire_object! {
    /// A shared contact card (`messageContent.contact`).
    pub struct Contact {
        /// The first name on the card.
        opt first_name: Option<String> = "firstName",
        /// The last name on the card.
        opt last_name: Option<String> = "lastName",
        /// The phone number on the card.
        opt phone_number: Option<String> = "phoneNumber",
    }
}

wire_object! {
    /// A product from a catalog (`messageContent.product`).
    pub struct Product {
        /// The product id in the catalog.
        opt id: Option<Id> = "id",
        /// The catalog id.
        opt catalog_id: Option<Id> = "catalogId",
    }
}

wire_object! {
    /// A catalog (`messageContent.catalog`). edna documents no fields.
    pub struct Catalog {
        /// The catalog id, when sent.
        opt id: Option<Id> = "id",
    }
}

wire_object! {
    /// A story (`messageContent.story`). edna documents no fields.
    pub struct Story {
        /// The story id, when sent.
        opt id: Option<Id> = "id",
        /// The story's URL, when sent.
        opt url: Option<String> = "url",
    }
}

wire_object! {
    /// An order (`messageContent.order`).
    pub struct Order {
        /// The catalog the products come from.
        opt catalog_id: Option<Id> = "catalogId",
        /// What was ordered.
        opt products: Option<Vec<OrderProduct>> = "products",
    }
}

wire_object! {
    /// One line of an order (`messageContent.order.products[]`).
    pub struct OrderProduct {
        /// The product id in the catalog.
        opt id: Option<Id> = "id",
        /// How many.
        opt quantity: Option<Numeric> = "quantity",
        /// The unit price.
        opt price: Option<Numeric> = "price",
        /// The currency code (`USD`, `RUB`).
        opt currency: Option<String> = "currency",
    }
}
