//! What an incoming Pulse message holds (`messageContent`), and the objects inside it.
//!
//! Every object keeps the fields it does not document in `extra`. Where edna documents no
//! schema (`story`, `catalog`, `location`), the fields integrators read are typed and
//! everything else is kept in `extra`.

use crate::common::ContentType;
use crate::wire::read::Placeholder;
use crate::wire::{Id, Kept, Numeric};

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
    /// | `LOCATION` | `location` |
    /// | `CONVERSATION_STARTED` | `text` (`/start`: a new client's first message on MAX) |
    ///
    /// A message fills at most one of the objects (`attachment`, `location`, `referral`,
    /// `story`, `contact`, `product`, `catalog`, `order`), so each is boxed, which keeps a
    /// [`Callback`](crate::Callback) small enough for the allocator's fast path. Build one
    /// with `.with_order(Order::new(..))`; read one as `content.order.as_deref()` or
    /// through the box (`order.products`).
    pub struct MessageContent {
        /// The content type (`type`).
        req kind: ContentType = "type", with_kind;
        /// The attached file, for media messages.
        opt attachment: Box<Attachment> = "attachment", with_attachment;
        /// A shared location.
        opt location: Box<Location> = "location", with_location;
        /// The ad or post the conversation started from (WhatsApp, Viber Bot).
        opt referral: Box<Referral> = "referral", with_referral;
        /// The caption of a media message.
        opt caption: String = "caption", with_caption;
        /// The message text; for `FLOW`, a JSON document with the form's answers.
        opt text: String = "text", with_text;
        /// The code of the HSM template button the user tapped.
        opt payload: String = "payload", with_payload;
        /// A story the message answers or mentions (no schema documented).
        opt story: Box<Story> = "story", with_story;
        /// The interactive-menu items the user chose.
        opt items: Vec<Item> = "items", with_items;
        /// A shared contact card.
        opt contact: Box<Contact> = "contact", with_contact;
        /// A product from a catalog.
        opt product: Box<Product> = "product", with_product;
        /// A catalog (no schema documented).
        opt catalog: Box<Catalog> = "catalog", with_catalog;
        /// An order.
        opt order: Box<Order> = "order", with_order;
        /// The user's answer to a WhatsApp calling permission request (seen in 2026).
        ///
        /// **Undocumented shape**: edna documents no fields and it has been seen only as
        /// `null`, so it is kept exactly as it came, as JSON (`None` when absent or
        /// `null`), until edna documents it.
        opt call_permission_reply: Kept<serde_json::Value> = "callPermissionReply", with_call_permission_reply;
    }
}

wire_object! {
    /// An element of an interactive menu that the user chose (`messageContent.items[]`).
    pub struct Item {
        /// The element id, documented as an integer and sent as `"01"`: kept as sent.
        opt identifier: Id = "identifier", with_identifier;
        /// The element's title.
        opt title: String = "title", with_title;
        /// The element's subtitle.
        opt subtitle: String = "subtitle", with_subtitle;
    }
}

wire_object! {
    /// An attached file (`messageContent.attachment`).
    pub struct Attachment {
        /// Where to download it.
        opt url: String = "url", with_url;
        /// Its file name.
        opt name: String = "name", with_name;
        /// Its size (documented as a string).
        opt size: Numeric = "size", with_size;
        /// Its MIME type (seen in integrations, not documented).
        opt mime_type: String = "mimeType", with_mime_type;
    }
}

wire_object! {
    /// A shared location (`messageContent.location`).
    pub struct Location {
        /// Latitude, as a number or a string.
        opt latitude: Numeric = "latitude", with_latitude;
        /// Longitude, as a number or a string.
        opt longitude: Numeric = "longitude", with_longitude;
        /// The address, when the messenger gives one.
        opt address: String = "address", with_address;
    }
}

wire_object! {
    /// Where a conversation started, from a hidden link or an ad (`messageContent.referral`).
    pub struct Referral {
        /// The ad's text.
        opt body: String = "body", with_body;
        /// The ad's headline.
        opt headline: String = "headline", with_headline;
        /// The id of the ad or post.
        opt source_id: Id = "sourceId", with_source_id;
        /// `ad` or `post`.
        opt source_type: ReferralSourceType = "sourceType", with_source_type;
        /// The URL the user saw.
        opt source_url: String = "sourceUrl", with_source_url;
    }
}

wire_object! {
    /// A shared contact card (`messageContent.contact`).
    pub struct Contact {
        /// The first name on the card.
        opt first_name: String = "firstName", with_first_name;
        /// The last name on the card.
        opt last_name: String = "lastName", with_last_name;
        /// The phone number on the card.
        opt phone_number: String = "phoneNumber", with_phone_number;
    }
}

wire_object! {
    /// A product from a catalog (`messageContent.product`).
    pub struct Product {
        /// The product id in the catalog.
        opt id: Id = "id", with_id;
        /// The catalog id.
        opt catalog_id: Id = "catalogId", with_catalog_id;
    }
}

wire_object! {
    /// A catalog (`messageContent.catalog`). edna documents no fields.
    pub struct Catalog {
        /// The catalog id, when sent.
        opt id: Id = "id", with_id;
    }
}

wire_object! {
    /// A story (`messageContent.story`). edna documents no fields.
    pub struct Story {
        /// The story id, when sent.
        opt id: Id = "id", with_id;
        /// The story's URL, when sent.
        opt url: String = "url", with_url;
    }
}

wire_object! {
    /// An order (`messageContent.order`).
    pub struct Order {
        /// The catalog the products come from.
        opt catalog_id: Id = "catalogId", with_catalog_id;
        /// What was ordered.
        opt products: Vec<OrderProduct> = "products", with_products;
    }
}

wire_object! {
    /// One line of an order (`messageContent.order.products[]`).
    pub struct OrderProduct {
        /// The product id in the catalog.
        opt id: Id = "id", with_id;
        /// How many.
        opt quantity: Numeric = "quantity", with_quantity;
        /// The unit price.
        opt price: Numeric = "price", with_price;
        /// The currency code (`USD`, `RUB`).
        opt currency: String = "currency", with_currency;
    }
}

open_enum! {
    /// Where an ad-referred conversation started (`messageContent.referral.sourceType`).
    pub enum ReferralSourceType {
        /// An advertisement.
        Ad = "ad",
        /// A post.
        Post = "post",
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
        Self::new(ContentType::Text).with_text(text)
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
        Self::new(ContentType::Flow).with_text(reply)
    }
}

impl Item {
    /// An interactive-menu element the user chose, with its `identifier` and `title`.
    pub fn new(identifier: impl Into<Id>, title: impl Into<String>) -> Self {
        Self::default()
            .with_identifier(identifier)
            .with_title(title)
    }
}

impl Attachment {
    /// An attached file at `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self::default().with_url(url)
    }
}

impl Location {
    /// A shared location (coordinates as numbers or strings, as edna sends either).
    pub fn new(latitude: impl Into<Numeric>, longitude: impl Into<Numeric>) -> Self {
        Self::default()
            .with_latitude(latitude)
            .with_longitude(longitude)
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
        Self::default()
            .with_id(id)
            .with_quantity(quantity)
            .with_price(price)
            .with_currency(currency)
    }
}

impl Order {
    /// An order of `products` from the catalog `catalog_id`.
    pub fn new(catalog_id: impl Into<Id>, products: impl Into<Vec<OrderProduct>>) -> Self {
        Self::default()
            .with_catalog_id(catalog_id)
            .with_products(products)
    }
}

empty_default! {
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
}
