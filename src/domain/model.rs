//! The data of a workspace: plain structs and enums for every area of the job (audit, platform
//! choice, personas, planning, listening, influencers, customer service, reporting, imports).
//!
//! Never holds signals, handles or anything a browser owns. Times are instants with the offset
//! they were observed in; day-level data uses `NaiveDate` in the workspace time zone.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::order::sort_stable;

/// Declares a string identifier type. Platform IDs stay strings: X post IDs exceed 2^53.
macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }
    )*};
}

id_type!(
    /// A workspace: one client's data.
    WorkspaceId,
    ProfileId,
    /// The platform's own post ID, unique within a profile.
    PostId,
    MemberId,
    PlanItemId,
    MentionId,
    MessageId,
    InfluencerId,
    CampaignId,
    ReportId,
    BatchId,
    AudienceTableId,
    PersonaSnapshotId,
    PersonaId,
    AudienceSnapshotId,
);

/// The IANA zone every workspace starts in.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Jakarta";

/// A social platform a profile lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    Facebook,
    Instagram,
    X,
    #[serde(rename = "linkedin")]
    LinkedIn,
    #[serde(rename = "tiktok")]
    TikTok,
    #[serde(rename = "youtube")]
    YouTube,
    /// A website measured by a web-analytics tool (social referral traffic).
    Web,
}

impl Platform {
    pub const SOCIAL: [Platform; 6] = [
        Platform::Facebook,
        Platform::Instagram,
        Platform::X,
        Platform::LinkedIn,
        Platform::TikTok,
        Platform::YouTube,
    ];

    /// The stable identifier used in URLs, files and test hooks.
    pub fn slug(self) -> &'static str {
        match self {
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::X => "x",
            Platform::LinkedIn => "linkedin",
            Platform::TikTok => "tiktok",
            Platform::YouTube => "youtube",
            Platform::Web => "web-analytics",
        }
    }

    /// The platform with this [`Platform::slug`].
    pub fn from_slug(slug: &str) -> Option<Platform> {
        Platform::SOCIAL
            .into_iter()
            .chain([Platform::Web])
            .find(|p| p.slug() == slug)
    }

    /// The platform's brand name (not translated).
    pub fn name(self) -> &'static str {
        match self {
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
            Platform::X => "X",
            Platform::LinkedIn => "LinkedIn",
            Platform::TikTok => "TikTok",
            Platform::YouTube => "YouTube",
            Platform::Web => "Web",
        }
    }

    /// Maximum characters of a post's main text (Facebook post, Instagram and TikTok caption, X
    /// post on a free account, LinkedIn post, YouTube description), for the live character count
    /// of planned posts.
    pub fn text_limit(self) -> Option<usize> {
        match self {
            Platform::Facebook => Some(63_206),
            Platform::Instagram => Some(2_200),
            Platform::X => Some(280),
            Platform::LinkedIn => Some(3_000),
            Platform::TikTok => Some(4_000),
            Platform::YouTube => Some(5_000),
            Platform::Web => None,
        }
    }
}

/// Settings of a workspace: who the client is and how the team works.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceInfo {
    pub id: WorkspaceId,
    pub name: String,
    /// IANA zone name; days, hours and schedules are read in this zone.
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    /// ISO 3166-1 alpha-2 country of the client's main market.
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub branding: Branding,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub approval: ApprovalRule,
    #[serde(default)]
    pub frequency_plan: Vec<FrequencyTarget>,
    /// Goals the client pursues, used by platform choice and reports.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Bumped on every change of the settings; lets tabs and sync tell stale copies apart.
    #[serde(default)]
    pub revision: u64,
}

fn default_time_zone() -> String {
    DEFAULT_TIME_ZONE.to_owned()
}

impl WorkspaceInfo {
    pub fn new(id: WorkspaceId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            time_zone: default_time_zone(),
            country: "ID".into(),
            industry: String::new(),
            branding: Branding::default(),
            members: Vec::new(),
            approval: ApprovalRule::default(),
            frequency_plan: FrequencyTarget::defaults(),
            goals: Vec::new(),
            revision: 0,
        }
    }
}

/// How reports look: the agency's or client's name, logo and colours.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Branding {
    pub name: String,
    /// A `data:` URL, so reports stay self-contained.
    pub logo: Option<String>,
    pub primary_color: Option<String>,
    pub accent_color: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Goal {
    Awareness,
    Leads,
    WebTraffic,
    Conversions,
    Community,
    CustomerService,
}

/// A person on the team and what they may do in the workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Strategy, calendar, promotion budget, KPIs; may approve.
    ContentManager,
    /// Ideas, posts and per-platform optimisation.
    ContentCreator,
    /// Reviews and approves for publishing.
    ContentEditor,
}

impl Role {
    pub fn may_approve(self) -> bool {
        matches!(self, Role::ContentManager | Role::ContentEditor)
    }
}

/// Approval steps a planned post passes before it may be scheduled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalRule {
    pub steps: Vec<ApprovalStep>,
}

impl Default for ApprovalRule {
    fn default() -> Self {
        Self {
            steps: vec![ApprovalStep {
                approvers: Vec::new(),
                mode: ApprovalMode::Any,
            }],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalStep {
    /// Empty means "any member who may approve".
    pub approvers: Vec<MemberId>,
    pub mode: ApprovalMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApprovalMode {
    Any,
    All,
}

/// How often a platform should be fed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrequencyTarget {
    pub platform: Platform,
    pub min: f64,
    pub max: f64,
    pub per: Cadence,
}

impl FrequencyTarget {
    /// The rule of thumb of the discipline: Facebook about 3 a day, Instagram 1–2 a day,
    /// X several a day, LinkedIn about 5 a week.
    pub fn defaults() -> Vec<Self> {
        let t = |platform, min, max, per| Self {
            platform,
            min,
            max,
            per,
        };
        vec![
            t(Platform::Facebook, 2.0, 4.0, Cadence::Daily),
            t(Platform::Instagram, 1.0, 2.0, Cadence::Daily),
            t(Platform::X, 3.0, 10.0, Cadence::Daily),
            t(Platform::LinkedIn, 4.0, 6.0, Cadence::Weekly),
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cadence {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
}

/// An account of the client (or of a competitor) on one platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: ProfileId,
    pub platform: Platform,
    pub handle: String,
    pub name: String,
    /// The platform's page/account ID when an export names it.
    #[serde(default)]
    pub external_id: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub sub_brand: Option<String>,
    #[serde(default)]
    pub competitor: bool,
    #[serde(default)]
    pub url: Option<String>,
    /// Other names, handles and platform IDs this profile goes by: those of profiles whose data
    /// was moved onto it, so that imports naming them still find it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Profile {
    /// The name people know it by, with its region when the name does not say it already:
    /// `Kopi Nusantara (Bandung)`.
    pub fn display_name(&self) -> String {
        match &self.region {
            Some(region) if !self.name.contains(region.as_str()) => {
                format!("{} ({region})", self.name)
            }
            _ => self.name.clone(),
        }
    }
}

/// What a post is, as the platforms classify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PostFormat {
    Photo,
    Video,
    Reel,
    Story,
    Text,
    Link,
    Carousel,
    Live,
    Other,
}

impl PostFormat {
    pub const ALL: [PostFormat; 9] = [
        PostFormat::Photo,
        PostFormat::Video,
        PostFormat::Reel,
        PostFormat::Story,
        PostFormat::Text,
        PostFormat::Link,
        PostFormat::Carousel,
        PostFormat::Live,
        PostFormat::Other,
    ];

    /// The stable identifier used in files and forms.
    pub fn slug(self) -> &'static str {
        match self {
            PostFormat::Photo => "photo",
            PostFormat::Video => "video",
            PostFormat::Reel => "reel",
            PostFormat::Story => "story",
            PostFormat::Text => "text",
            PostFormat::Link => "link",
            PostFormat::Carousel => "carousel",
            PostFormat::Live => "live",
            PostFormat::Other => "other",
        }
    }
}

/// Every quantity an export can carry, per post or per day. Which ones a file has varies.
/// (Importers index tables by a metric's position: `header::tests` checks the last one.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Impressions,
    Views,
    Reach,
    Reactions,
    Comments,
    Shares,
    Saves,
    /// Interactions as the platform totals them (when it does not split them).
    Interactions,
    Clicks,
    LinkClicks,
    ProfileVisits,
    VideoViews,
    WatchTimeSeconds,
    AverageViewSeconds,
    Followers,
    FollowersGained,
    FollowersLost,
    PageVisits,
    Sessions,
    EngagedSessions,
    Conversions,
    Spend,
    Revenue,
}

pub use super::metric_values::Metrics;

/// One published post with its latest known metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    pub id: PostId,
    pub profile: ProfileId,
    /// When it was published, with the offset of the export (or of the workspace).
    pub published: DateTime<FixedOffset>,
    pub format: PostFormat,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub permalink: Option<String>,
    #[serde(default)]
    pub metrics: Metrics,
    /// Paid distribution (boosted or promoted), when the export says so.
    #[serde(default)]
    pub promoted: bool,
    /// The import batch that last wrote this post.
    #[serde(default)]
    pub batch: Option<BatchId>,
}

/// The metrics of one profile on one day (page-level time series).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyMetrics {
    pub profile: ProfileId,
    pub date: NaiveDate,
    pub values: Metrics,
}

/// A profile's totals over a whole period, as a comparison export gives them (LinkedIn's
/// competitor analytics: one row per page, the client's and its competitors'), with no posts or
/// days behind them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodTotals {
    pub profile: ProfileId,
    pub period: Period,
    /// `Followers` at the period's end, `FollowersGained` in it, `Interactions` on its posts
    /// (the export's engagements), each when the export has it.
    #[serde(default)]
    pub values: Metrics,
    /// Posts published in the period.
    #[serde(default)]
    pub posts: Option<u32>,
    /// The import batch that last wrote these totals.
    #[serde(default)]
    pub batch: Option<BatchId>,
}

impl PeriodTotals {
    /// What makes totals the same ones again: an import or merge with the same profile and
    /// period replaces them.
    pub fn identity(&self) -> (ProfileId, NaiveDate, NaiveDate) {
        (self.profile.clone(), self.period.start, self.period.end)
    }
}

/// When followers are online: active followers in one hour of one day (TikTok FollowerActivity).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowerActivity {
    pub profile: ProfileId,
    pub date: NaiveDate,
    pub hour: u8,
    pub active: f64,
}

/// An aggregated breakdown of a profile's audience on a date (never per person).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AudienceSnapshot {
    pub id: AudienceSnapshotId,
    pub profile: ProfileId,
    pub date: NaiveDate,
    pub breakdowns: Vec<Breakdown>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    pub dimension: Dimension,
    /// Whether `entries` are counts of people or shares that sum to about 1.
    pub unit: BreakdownUnit,
    pub entries: Vec<(String, f64)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Gender,
    AgeBand,
    GenderAge,
    Country,
    City,
    Language,
    JobFunction,
    Seniority,
    Industry,
    CompanySize,
    /// Where website sessions came from (web analytics).
    TrafficSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BreakdownUnit {
    Count,
    Share,
}

/// A per-person audience table (CRM, survey, poll or follower list with attributes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AudienceTable {
    pub id: AudienceTableId,
    pub name: String,
    pub columns: Vec<AudienceColumn>,
    #[serde(default)]
    pub batch: Option<BatchId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AudienceColumn {
    pub name: String,
    pub kind: ColumnKind,
    /// Whether clustering uses it (IDs and free text are excluded by default).
    pub included: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnKind {
    Numeric,
    Categorical,
    /// A delimited list, such as interests.
    MultiValued,
    Date,
    Identifier,
    FreeText,
}

/// One person of an audience table; `values` follow the table's columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AudienceMember {
    pub table: AudienceTableId,
    pub row: u32,
    pub values: Vec<FieldValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldValue {
    Empty,
    Number(f64),
    Text(String),
    List(Vec<String>),
    Date(NaiveDate),
}

/// The personas found in an audience table on a date; snapshots are compared to see drift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaSnapshot {
    pub id: PersonaSnapshotId,
    pub table: AudienceTableId,
    pub date: NaiveDate,
    pub seed: u64,
    pub personas: Vec<Persona>,
    /// Members clustered (the table's size on that date).
    #[serde(default)]
    pub members: u32,
    /// The columns the clustering used.
    #[serde(default)]
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Persona {
    pub id: PersonaId,
    pub name: String,
    pub description: String,
    pub size: u32,
    pub traits: Vec<PersonaTrait>,
    /// The own profiles whose audience (platform demographics) resembles the persona most.
    #[serde(default)]
    pub channels: Vec<PersonaChannel>,
}

/// A profile where a persona is likely found: how much more its audience resembles the persona
/// than the whole audience does (`index`, 1 = no more than anyone), on which demographics, and
/// what performs there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaChannel {
    pub profile: ProfileId,
    pub platform: Platform,
    pub index: f64,
    pub basis: Vec<Dimension>,
    /// The profile's format with the most engagement per post in the last 90 days.
    pub best_format: Option<PostFormat>,
    /// The local hour whose posts drew the most engagement per post in the last 90 days.
    pub best_hour: Option<u8>,
}

/// A value of one column among a persona's members: its share there, and how much more common
/// it is than in the whole audience (`lift` = share ÷ the audience's share).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaTrait {
    pub column: String,
    pub value: String,
    pub lift: f64,
    #[serde(default)]
    pub share: f64,
}

/// Where a planned post is in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    Idea,
    Draft,
    InReview,
    Approved,
    Scheduled,
    Published,
    Rejected,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 7] = [
        PlanStatus::Idea,
        PlanStatus::Draft,
        PlanStatus::InReview,
        PlanStatus::Approved,
        PlanStatus::Scheduled,
        PlanStatus::Published,
        PlanStatus::Rejected,
    ];

    /// The stable identifier used in test hooks and files.
    pub fn slug(self) -> &'static str {
        match self {
            PlanStatus::Idea => "idea",
            PlanStatus::Draft => "draft",
            PlanStatus::InReview => "in-review",
            PlanStatus::Approved => "approved",
            PlanStatus::Scheduled => "scheduled",
            PlanStatus::Published => "published",
            PlanStatus::Rejected => "rejected",
        }
    }
}

/// A post being planned: one idea, published on one or more platforms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    pub id: PlanItemId,
    pub title: String,
    pub status: PlanStatus,
    pub format: PostFormat,
    /// One variant per platform it goes to.
    pub variants: Vec<PlanVariant>,
    #[serde(default)]
    pub scheduled: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub persona: Option<PersonaId>,
    #[serde(default)]
    pub campaign: Option<CampaignId>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub author: MemberId,
    #[serde(default)]
    pub approvals: Vec<Approval>,
    #[serde(default)]
    pub rejection: Option<String>,
    #[serde(default)]
    pub comments: Vec<Comment>,
    #[serde(default)]
    pub history: Vec<Change>,
    /// Where the idea came from (competitors, listening, analytics, a holiday...).
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub revision: u64,
}

impl PlanItem {
    /// A new post with nothing in it yet: no platforms, approvals, thread or history.
    pub fn new(
        id: PlanItemId,
        author: MemberId,
        status: PlanStatus,
        scheduled: Option<DateTime<FixedOffset>>,
    ) -> Self {
        Self {
            id,
            title: String::new(),
            status,
            format: PostFormat::Photo,
            variants: Vec::new(),
            scheduled,
            persona: None,
            campaign: None,
            tags: Vec::new(),
            author,
            approvals: Vec::new(),
            rejection: None,
            comments: Vec::new(),
            history: Vec::new(),
            source: None,
            revision: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanVariant {
    pub platform: Platform,
    pub text: String,
    #[serde(default)]
    pub media_note: String,
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub hashtags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Approval {
    pub member: MemberId,
    pub step: u8,
    pub at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub member: MemberId,
    pub at: DateTime<FixedOffset>,
    pub text: String,
}

/// One entry of a planned post's change history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub member: MemberId,
    pub at: DateTime<FixedOffset>,
    pub what: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sentiment {
    Positive,
    Neutral,
    Negative,
}

/// A public mention of the brand or a followed topic (social listening).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub id: MentionId,
    pub platform: Platform,
    pub author: String,
    #[serde(default)]
    pub author_followers: Option<f64>,
    pub published: DateTime<FixedOffset>,
    pub text: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub reach: Option<f64>,
    #[serde(default)]
    pub sentiment: Option<Sentiment>,
    #[serde(default)]
    pub batch: Option<BatchId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MessageKind {
    Question,
    Complaint,
    Praise,
    Other,
}

/// A comment or direct message to the brand that may need an answer (customer service).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: MessageId,
    pub profile: ProfileId,
    pub conversation: String,
    pub author: String,
    pub received: DateTime<FixedOffset>,
    pub text: String,
    pub kind: MessageKind,
    pub needs_reply: bool,
    #[serde(default)]
    pub first_reply: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub assignee: Option<MemberId>,
    #[serde(default)]
    pub sentiment: Option<Sentiment>,
    #[serde(default)]
    pub batch: Option<BatchId>,
}

/// A creator the brand works with or considers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Influencer {
    pub id: InfluencerId,
    pub name: String,
    pub accounts: Vec<InfluencerAccount>,
    #[serde(default)]
    pub demographics: Vec<Breakdown>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InfluencerAccount {
    pub platform: Platform,
    pub handle: String,
    pub followers: f64,
    /// Engagement ÷ followers over their recent posts.
    pub engagement_rate: f64,
}

/// A campaign: a goal, a budget, a period, and the influencers and posts that serve it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: CampaignId,
    pub name: String,
    pub goal: Goal,
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(default)]
    pub budget: Option<f64>,
    #[serde(default)]
    pub influencers: Vec<InfluencerId>,
    /// Tracked campaign results (reach, engagement, clicks, referral sessions, spend...).
    #[serde(default)]
    pub results: Metrics,
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportAudience {
    TeamMonthly,
    ManagementQuarterly,
    ClientAudit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportSection {
    Audience,
    Content,
    Audit,
    Competitors,
    Ads,
    Listening,
    Influencers,
    CustomerService,
}

/// What a report covers and how it is produced; rendering happens from this and the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDefinition {
    pub id: ReportId,
    pub name: String,
    pub audience: ReportAudience,
    pub period: Period,
    #[serde(default)]
    pub comparison: Option<Period>,
    pub profiles: Vec<ProfileId>,
    pub sections: Vec<ReportSection>,
    #[serde(default)]
    pub methodology: String,
    #[serde(default)]
    pub cadence: Option<Cadence>,
    /// A persona the report is about: only the profiles where it is likely found, and its card.
    #[serde(default)]
    pub persona: Option<PersonaId>,
    /// Summary sentences as edited by the user, keyed by section.
    #[serde(default)]
    pub summaries: BTreeMap<String, String>,
}

/// The answers to the six platform-choice questions for one platform, and the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlatformAssessment {
    pub platform: Platform,
    /// Scores 0–5 for: goal fit and cost, efficiency/ROI, demographic match, audience presence,
    /// competition and content volume, competitor presence. `None` = not answered yet.
    pub answers: [Option<u8>; 6],
    #[serde(default)]
    pub notes: [String; 6],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BenchmarkScope {
    Industry,
    Region,
    Country,
}

/// An outside reference value for a metric, to tell own changes from wider ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    pub scope: BenchmarkScope,
    pub label: String,
    #[serde(default)]
    pub platform: Option<Platform>,
    pub metric: String,
    pub period: Period,
    pub value: f64,
}

impl Benchmark {
    /// What makes a benchmark the same one again (scope, label, platform, metric, start): an
    /// import or a merge of a benchmark with the same identity replaces its value.
    pub fn identity(&self) -> (BenchmarkScope, String, Option<Platform>, String, NaiveDate) {
        (
            self.scope,
            self.label.clone(),
            self.platform,
            self.metric.clone(),
            self.period.start,
        )
    }
}

/// A saved column mapping of the generic importer, re-applied to files with the same header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub header_signature: String,
    /// Column name in the file → field it feeds (a slug of `import::generic::FIELDS`).
    pub columns: BTreeMap<String, String>,
    /// The platform the file's records are on.
    #[serde(default)]
    pub platform: Option<Platform>,
    /// The profile the file is about (matched by name, or created).
    #[serde(default)]
    pub profile: String,
}

/// One imported file and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportBatch {
    pub id: BatchId,
    pub file_name: String,
    /// A fingerprint of the bytes (`import::file_fingerprint`), to recognise a file imported
    /// before.
    pub content_hash: String,
    pub bytes: u64,
    /// The detected family of export, e.g. `meta-posts`, `tiktok-overview`.
    pub family: String,
    /// What kind of records it held: `posts`, `daily`, `followers`, `demographics`...
    pub kind: String,
    pub platform: Option<Platform>,
    pub header_signature: String,
    pub imported_at: DateTime<FixedOffset>,
    pub counts: BatchCounts,
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
    #[serde(default)]
    pub profiles: Vec<ProfileId>,
    /// What the file changed on posts already stored: per metric, the sum over the posts it
    /// updated of the new value minus the old (a metric new to a post counts from 0).
    #[serde(default, skip_serializing_if = "Metrics::is_empty")]
    pub changes: Metrics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BatchCounts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something an import noticed, with where it is in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// 1-based row in the file (or sheet), when it concerns a row.
    #[serde(default)]
    pub row: Option<u64>,
    #[serde(default)]
    pub column: Option<String>,
    #[serde(default)]
    pub sheet: Option<String>,
    /// A stable code, so the UI can say it in the user's language.
    pub code: String,
    /// Values the message needs (the offending text, the inferred year...).
    #[serde(default)]
    pub detail: String,
}

/// Everything one workspace holds. The unit of export, import, merge and load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub info: WorkspaceInfo,
    #[serde(default)]
    pub profiles: Vec<Profile>,
    #[serde(default)]
    pub posts: Vec<Post>,
    #[serde(default)]
    pub daily: Vec<DailyMetrics>,
    #[serde(default)]
    pub follower_activity: Vec<FollowerActivity>,
    /// Totals over a period without posts or days behind them (competitor exports).
    #[serde(default)]
    pub period_totals: Vec<PeriodTotals>,
    #[serde(default)]
    pub audience_snapshots: Vec<AudienceSnapshot>,
    #[serde(default)]
    pub audience_tables: Vec<AudienceTable>,
    #[serde(default)]
    pub audience_members: Vec<AudienceMember>,
    #[serde(default)]
    pub persona_snapshots: Vec<PersonaSnapshot>,
    #[serde(default)]
    pub plan: Vec<PlanItem>,
    #[serde(default)]
    pub mentions: Vec<Mention>,
    #[serde(default)]
    pub messages: Vec<Message>,
    #[serde(default)]
    pub influencers: Vec<Influencer>,
    #[serde(default)]
    pub campaigns: Vec<Campaign>,
    #[serde(default)]
    pub reports: Vec<ReportDefinition>,
    #[serde(default)]
    pub assessments: Vec<PlatformAssessment>,
    #[serde(default)]
    pub benchmarks: Vec<Benchmark>,
    #[serde(default)]
    pub mappings: Vec<ColumnMapping>,
    #[serde(default)]
    pub batches: Vec<ImportBatch>,
}

impl Workspace {
    pub fn empty(info: WorkspaceInfo) -> Self {
        Self {
            info,
            profiles: Vec::new(),
            posts: Vec::new(),
            daily: Vec::new(),
            follower_activity: Vec::new(),
            period_totals: Vec::new(),
            audience_snapshots: Vec::new(),
            audience_tables: Vec::new(),
            audience_members: Vec::new(),
            persona_snapshots: Vec::new(),
            plan: Vec::new(),
            mentions: Vec::new(),
            messages: Vec::new(),
            influencers: Vec::new(),
            campaigns: Vec::new(),
            reports: Vec::new(),
            assessments: Vec::new(),
            benchmarks: Vec::new(),
            mappings: Vec::new(),
            batches: Vec::new(),
        }
    }

    /// Puts every collection in its canonical order, so that equal contents compare equal however
    /// they were assembled (generated, loaded from chunks, merged).
    pub fn normalize(&mut self) {
        sort_stable(&mut self.profiles, |a, b| a.id.cmp(&b.id));
        sort_stable(&mut self.posts, |a, b| {
            (&a.profile, a.published, &a.id).cmp(&(&b.profile, b.published, &b.id))
        });
        sort_stable(&mut self.daily, |a, b| {
            (&a.profile, a.date).cmp(&(&b.profile, b.date))
        });
        sort_stable(&mut self.follower_activity, |a, b| {
            (&a.profile, a.date, a.hour).cmp(&(&b.profile, b.date, b.hour))
        });
        sort_stable(&mut self.period_totals, |a, b| {
            a.identity().cmp(&b.identity())
        });
        sort_stable(&mut self.audience_snapshots, |a, b| a.id.cmp(&b.id));
        sort_stable(&mut self.audience_tables, |a, b| a.id.cmp(&b.id));
        sort_stable(&mut self.audience_members, |a, b| {
            (&a.table, a.row).cmp(&(&b.table, b.row))
        });
        sort_stable(&mut self.persona_snapshots, |a, b| a.id.cmp(&b.id));
        sort_stable(&mut self.plan, |a, b| a.id.cmp(&b.id));
        sort_stable(&mut self.mentions, |a, b| {
            (a.published, &a.id).cmp(&(b.published, &b.id))
        });
        sort_stable(&mut self.messages, |a, b| {
            (a.received, &a.id).cmp(&(b.received, &b.id))
        });
        sort_stable(&mut self.influencers, |a, b| a.id.cmp(&b.id));
        sort_stable(&mut self.campaigns, |a, b| a.id.cmp(&b.id));
        sort_stable(&mut self.reports, |a, b| a.id.cmp(&b.id));
        sort_stable(&mut self.assessments, |a, b| a.platform.cmp(&b.platform));
        sort_stable(&mut self.benchmarks, |a, b| a.identity().cmp(&b.identity()));
        sort_stable(&mut self.mappings, |a, b| {
            a.header_signature.cmp(&b.header_signature)
        });
        sort_stable(&mut self.batches, |a, b| a.id.cmp(&b.id));
    }

    /// True when nothing has been imported or planned yet.
    pub fn is_empty(&self) -> bool {
        self.profiles.is_empty()
            && self.posts.is_empty()
            && self.plan.is_empty()
            && self.audience_tables.is_empty()
            && self.mentions.is_empty()
            && self.messages.is_empty()
    }

    /// The social platforms the client has its own profiles on (not competitors, not websites),
    /// in a stable order.
    pub fn own_platforms(&self) -> Vec<Platform> {
        let mut found: Vec<Platform> = self
            .profiles
            .iter()
            .filter(|p| !p.competitor && p.platform != Platform::Web)
            .map(|p| p.platform)
            .collect();
        found.sort();
        found.dedup();
        found
    }

    pub fn profile(&self, id: &ProfileId) -> Option<&Profile> {
        self.profiles.iter().find(|p| &p.id == id)
    }

    /// Number of records of every kind, for summaries and merge previews.
    pub fn counts(&self) -> Counts {
        Counts {
            profiles: self.profiles.len(),
            posts: self.posts.len(),
            daily: self.daily.len(),
            audience_members: self.audience_members.len(),
            plan: self.plan.len(),
            mentions: self.mentions.len(),
            messages: self.messages.len(),
        }
    }
}

/// Record counts of a workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    pub profiles: usize,
    pub posts: usize,
    pub daily: usize,
    pub audience_members: usize,
    pub plan: usize,
    pub mentions: usize,
    pub messages: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.profiles
            + self.posts
            + self.daily
            + self.audience_members
            + self.plan
            + self.mentions
            + self.messages
    }
}
