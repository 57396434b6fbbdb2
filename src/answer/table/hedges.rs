//! Session 6 of the teacher's table: hedged answers — approximations and qualifiers — and more
//! of the same families from the essay. Each verdict was written down before kioku was run.
//!
//! How they were decided:
//! - **An approximate answer to an exact question is at most almost.** The card asks for 60日;
//!   約60日, 60日ほど, 60日前後, 60日くらい, およそ60日, about 60 days all say "roughly 60": the
//!   student has the number but does not commit to it — half credit, whichever word hedges it.
//!   When the card's own answer is approximate (約60日), an exact or approximate 60 is right.
//!   Words that put the value on one side (60日余り, 60日近く, 60日弱) are bounds: wrong.
//!   Dates are different: 2024年12月ごろ names the month asked, and ごろ is a hedge like たぶん
//!   (kept right, as the dates table decided in session 5).
//! - **A qualifier that changes what a term says is almost.** 事実上の核保有国 for 核保有国: the
//!   essay says Trump called North Korea a 核保有国, and explains it as de facto possession — the
//!   student knows the term but answers a different claim. Half credit, from a closed list of
//!   qualifiers (事実上の, 潜在的な, 準, 自称, de facto …). A word that makes the opposite term
//!   (非核保有国) or any word not on the list keeps it wrong.

use super::*;

pub(super) const CASES: &[Case] = &[
    // Approximations to an exact number.
    (Number, X, "60日", NONE, "約60日", Almost),
    (Number, X, "60日", NONE, "60日ほど", Almost),
    (Number, X, "60日", NONE, "60日前後", Almost),
    (Number, X, "60日", NONE, "60日くらい", Almost),
    (Number, X, "60日", NONE, "60日ぐらい", Almost),
    (Number, X, "60日", NONE, "およそ60日", Almost),
    (Number, X, "60日", NONE, "60日程度", Almost),
    (Number, X, "60日", NONE, "だいたい60日", Almost),
    (Number, X, "60日", NONE, "約六十日", Almost),
    (Number, X, "60日", NONE, "60日くらいだと思う", Almost),
    (Number, X, "60日", NONE, "about 60 days", Almost),
    (Number, X, "60日", NONE, "around sixty days", Almost),
    (Number, X, "60日", NONE, "60 days or so", Almost),
    (Number, X, "60日", NONE, "約90日", Wrong),
    (Number, X, "60日", NONE, "90日ほど", Wrong),
    (Number, X, "60日", NONE, "60日余り", Wrong),
    (Number, X, "60日", NONE, "60日弱", Wrong),
    (Number, X, "60日", NONE, "60日近く", Wrong),
    (Number, X, "60日", NONE, "約60日以上", Wrong),
    (Number, X, "60日", NONE, "約60日か90日", Wrong),
    (Number, X, "60日", NONE, "60日ほどではない", Wrong),
    (Number, X, "23億ドル", NONE, "約23億ドル", Almost),
    (Number, X, "23億ドル", NONE, "23億ドルくらい", Almost),
    (Number, X, "23億ドル", NONE, "およそ二十三億ドル", Almost),
    (Number, X, "23億ドル", NONE, "約23億円", Wrong),
    (Number, X, "75周年", NONE, "約75年", Almost),
    (Number, X, "75周年", NONE, "75年ほど", Almost),
    (Number, X, "2期", NONE, "2期", Right),
    // An approximate answer on the card: exact or approximate are both right.
    (Number, X, "約60日", NONE, "60日", Right),
    (Number, X, "約60日", NONE, "約60日", Right),
    (Number, X, "約60日", NONE, "60日ほど", Right),
    (Number, X, "約60日", NONE, "90日ほど", Wrong),
    (Number, X, "約60日", NONE, "60日以上", Wrong),
    // Dates: ごろ on the precision asked is a hedge, not another value.
    (Date, X, "2024年12月", NONE, "2024年12月頃", Right),
    (Date, X, "2024年12月", NONE, "2024年12月ごろ", Right),
    (Date, X, "2024年12月", NONE, "2024年11月ごろ", Wrong),
    // Qualifiers that change what a term says.
    (Text, X, "核保有国", NONE, "事実上の核保有国", Almost),
    (Text, X, "核保有国", NONE, "事実上核保有国", Almost),
    (Text, X, "核保有国", NONE, "潜在的な核保有国", Almost),
    (Text, X, "核保有国", NONE, "自称核保有国", Almost),
    (Text, X, "核保有国", NONE, "非核保有国", Wrong),
    (Text, X, "核保有国", NONE, "核保有国ではない", Wrong),
    (Text, X, "核保有国", NONE, "事実上の核保有国ではない", Wrong),
    (Text, X, "核保有国", NONE, "核保有国です", Right),
    (Text, X, "核保有国", NONE, "NPT上の核保有国", Wrong),
    (Text, X, "同盟", NONE, "準同盟", Almost),
    (Text, X, "同盟", NONE, "非同盟", Wrong),
    (Text, X, "nuclear power", NONE, "de facto nuclear power", Almost),
    (Text, X, "nuclear power", NONE, "not a nuclear power", Wrong),
    // More from the essay, same families.
    (Text, X, "非核化", NONE, "事実上の非核化", Almost),
    (Text, X, "非核化", NONE, "完全な非核化", Wrong),
    (Text, X, "国防5カ年計画", NONE, "国防五ヵ年計画", Right),
    (Text, X, "国防5カ年計画", NONE, "国防5か年計画ではない", Wrong),
    (Number, X, "23億ドル", NONE, "23億ドルほどではない", Wrong),
    (Text, X, "対米交渉のカード", NONE, "対米交渉のカード", Right),
];
