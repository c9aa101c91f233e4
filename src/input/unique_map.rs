//! A mapping that keeps the file's order and refuses duplicate keys (serde's
//! own maps would keep the last value and silently drop the first).

use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::amount::YearKey;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UniqueMap<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for UniqueMap<K, V> {
    fn default() -> Self {
        UniqueMap(Vec::new())
    }
}

impl<K, V> UniqueMap<K, V> {
    pub fn iter(&self) -> impl Iterator<Item = &(K, V)> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// How a key is shown in a duplicate-key message.
pub trait KeyText {
    fn key_text(&self) -> String;
}

impl KeyText for String {
    fn key_text(&self) -> String {
        self.clone()
    }
}

impl KeyText for YearKey {
    fn key_text(&self) -> String {
        self.0.to_string()
    }
}

struct UniqueMapVisitor<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> Visitor<'de> for UniqueMapVisitor<K, V>
where
    K: Deserialize<'de> + Eq + Hash + Clone + KeyText,
    V: Deserialize<'de>,
{
    type Value = UniqueMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out: Vec<(K, V)> = Vec::new();
        // Keys seen so far: a linear search per key made 160 000 keys take a minute.
        let mut seen: HashSet<K> = HashSet::new();
        while let Some(key) = map.next_key::<K>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!(
                    "duplicate key {:?}",
                    key.key_text()
                )));
            }
            let value = map.next_value::<V>()?;
            out.push((key, value));
        }
        Ok(UniqueMap(out))
    }
}

impl<'de, K, V> Deserialize<'de> for UniqueMap<K, V>
where
    K: Deserialize<'de> + Eq + Hash + Clone + KeyText,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(UniqueMapVisitor(PhantomData))
    }
}

impl<V: JsonSchema> JsonSchema for UniqueMap<String, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = generator.subschema_for::<V>();
        schemars::json_schema!({
            "type": "object",
            "additionalProperties": value
        })
    }
}

impl<V: JsonSchema> JsonSchema for UniqueMap<YearKey, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("YearMap_of_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = generator.subschema_for::<V>();
        schemars::json_schema!({
            "type": "object",
            "propertyNames": {"pattern": "^(19|20|21|22)[0-9]{2}$"},
            "additionalProperties": value
        })
    }
}
