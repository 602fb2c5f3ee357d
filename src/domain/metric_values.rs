//! The values of the metrics one record has ([`Metrics`]): a short list kept in metric order.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::Metric;

/// Values of the metrics a record has; missing means "not in the export", never zero.
///
/// A list in metric order, read like a map: a record has a dozen metrics at most of the
/// two dozen there are, so a search along the list costs no more than a tree's, and the list is
/// one allocation where a `BTreeMap` of a dozen values takes three nodes (about 190 bytes
/// where the map took about 380 in WebAssembly). Serialised as the map it replaced, in the
/// same order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metrics(Vec<(Metric, f64)>);

impl Metrics {
    pub const fn new() -> Metrics {
        Metrics(Vec::new())
    }

    /// Metrics of these values, given in metric order with each metric once (as an importer
    /// reads a row's): held in exactly their room. Values in any other order are sorted first.
    pub fn from_ordered(values: &[(Metric, f64)]) -> Metrics {
        if values.windows(2).all(|w| w[0].0 < w[1].0) {
            Metrics(values.to_vec())
        } else {
            values.iter().copied().collect()
        }
    }

    /// Where `metric` is in the list, or where it would go.
    fn find(&self, metric: &Metric) -> Result<usize, usize> {
        // Values are mostly added in metric order: the last place first.
        match self.0.last() {
            Some((last, _)) if last < metric => Err(self.0.len()),
            _ => self.0.binary_search_by(|(m, _)| m.cmp(metric)),
        }
    }

    pub fn get(&self, metric: &Metric) -> Option<&f64> {
        self.find(metric).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, metric: &Metric) -> bool {
        self.find(metric).is_ok()
    }

    /// Sets a metric's value; the value it had, if any.
    pub fn insert(&mut self, metric: Metric, value: f64) -> Option<f64> {
        match self.find(&metric) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (metric, value));
                None
            }
        }
    }

    pub fn remove(&mut self, metric: &Metric) -> Option<f64> {
        self.find(metric).ok().map(|i| self.0.remove(i).1)
    }

    /// A metric's place, to read or set its value (as a map's entry).
    pub fn entry(&mut self, metric: Metric) -> Entry<'_> {
        Entry {
            metrics: self,
            metric,
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The metrics and their values, in metric order.
    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = (&Metric, &f64)> + ExactSizeIterator + Clone {
        self.0.iter().map(|(m, v)| (m, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Metric> + ExactSizeIterator + Clone {
        self.0.iter().map(|(m, _)| m)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &f64> + ExactSizeIterator + Clone {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut f64> + ExactSizeIterator {
        self.0.iter_mut().map(|(_, v)| v)
    }

    /// Keeps the metrics for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&Metric, &mut f64) -> bool) {
        self.0.retain_mut(|(m, v)| keep(m, v));
    }
}

impl std::ops::Index<&Metric> for Metrics {
    type Output = f64;

    /// A metric's value; panics when the record has none, like a map.
    fn index(&self, metric: &Metric) -> &f64 {
        match self.get(metric) {
            Some(value) => value,
            None => panic!("no {metric:?} in these metrics"),
        }
    }
}

/// A metric's place in a [`Metrics`] ([`Metrics::entry`]).
pub struct Entry<'a> {
    metrics: &'a mut Metrics,
    metric: Metric,
}

impl<'a> Entry<'a> {
    /// The value, set to `value` first when the metric had none.
    pub fn or_insert(self, value: f64) -> &'a mut f64 {
        let i = match self.metrics.find(&self.metric) {
            Ok(i) => i,
            Err(i) => {
                self.metrics.0.insert(i, (self.metric, value));
                i
            }
        };
        &mut self.metrics.0[i].1
    }

    /// The value, zero when the metric had none.
    pub fn or_default(self) -> &'a mut f64 {
        self.or_insert(0.0)
    }
}

impl FromIterator<(Metric, f64)> for Metrics {
    /// As a map is collected: a metric given twice keeps its last value.
    fn from_iter<I: IntoIterator<Item = (Metric, f64)>>(values: I) -> Metrics {
        let mut metrics = Metrics::new();
        metrics.extend(values);
        metrics
    }
}

impl Extend<(Metric, f64)> for Metrics {
    fn extend<I: IntoIterator<Item = (Metric, f64)>>(&mut self, values: I) {
        for (metric, value) in values {
            self.insert(metric, value);
        }
    }
}

impl<const N: usize> From<[(Metric, f64); N]> for Metrics {
    fn from(values: [(Metric, f64); N]) -> Metrics {
        values.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Metrics {
    type Item = (&'a Metric, &'a f64);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Metric, f64)>,
        fn(&'a (Metric, f64)) -> (&'a Metric, &'a f64),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(m, v)| (m, v))
    }
}

impl IntoIterator for Metrics {
    type Item = (Metric, f64);
    type IntoIter = std::vec::IntoIter<(Metric, f64)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Serialize for Metrics {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (metric, value) in &self.0 {
            map.serialize_entry(metric, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Metrics {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Metrics, D::Error> {
        struct MetricsVisitor;

        impl<'de> Visitor<'de> for MetricsVisitor {
            type Value = Metrics;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of metrics to numbers")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Metrics, A::Error> {
                let mut metrics = Metrics(Vec::with_capacity(map.size_hint().unwrap_or(0)));
                while let Some((metric, value)) = map.next_entry::<Metric, f64>()? {
                    metrics.insert(metric, value);
                }
                Ok(metrics)
            }
        }

        deserializer.deserialize_map(MetricsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    proptest::proptest! {
        /// Whatever is inserted, removed or collected, the values read as a map's would,
        /// and serialise as the map's.
        #[test]
        fn metrics_read_as_a_map(
            steps in proptest::collection::vec((0usize..23, proptest::option::of(0.0f64..1e6)), 0..40),
        ) {
            let all = every_metric();
            let mut metrics = Metrics::new();
            let mut map = BTreeMap::new();
            for (i, value) in steps {
                let metric = all[i % all.len()];
                match value {
                    Some(v) => proptest::prop_assert_eq!(metrics.insert(metric, v), map.insert(metric, v)),
                    None => proptest::prop_assert_eq!(metrics.remove(&metric), map.remove(&metric)),
                }
                *metrics.entry(metric).or_default() += 1.0;
                *map.entry(metric).or_default() += 1.0;
            }
            let listed: Vec<(Metric, f64)> = metrics.iter().map(|(m, v)| (*m, *v)).collect();
            let mapped: Vec<(Metric, f64)> = map.iter().map(|(m, v)| (*m, *v)).collect();
            proptest::prop_assert_eq!(&listed, &mapped);
            for metric in &all {
                proptest::prop_assert_eq!(metrics.get(metric), map.get(metric));
            }
            let json = serde_json::to_string(&metrics).unwrap();
            proptest::prop_assert_eq!(&json, &serde_json::to_string(&map).unwrap());
            proptest::prop_assert_eq!(serde_json::from_str::<Metrics>(&json).unwrap(), metrics.clone());
            let collected: Metrics = map.clone().into_iter().rev().collect();
            proptest::prop_assert_eq!(&collected, &metrics);
            let ordered: Vec<(Metric, f64)> = map.into_iter().collect();
            proptest::prop_assert_eq!(&Metrics::from_ordered(&ordered), &metrics);
            let reversed: Vec<(Metric, f64)> = ordered.into_iter().rev().collect();
            proptest::prop_assert_eq!(&Metrics::from_ordered(&reversed), &metrics);
        }
    }

    /// Every metric, read back from its serialised name.
    fn every_metric() -> Vec<Metric> {
        let names = [
            "impressions",
            "views",
            "reach",
            "reactions",
            "comments",
            "shares",
            "saves",
            "interactions",
            "clicks",
            "link_clicks",
            "profile_visits",
            "video_views",
            "watch_time_seconds",
            "average_view_seconds",
            "followers",
            "followers_gained",
            "followers_lost",
            "page_visits",
            "sessions",
            "engaged_sessions",
            "conversions",
            "spend",
            "revenue",
        ];
        names
            .iter()
            .map(|n| serde_json::from_value(serde_json::Value::from(*n)).unwrap())
            .collect()
    }
}
