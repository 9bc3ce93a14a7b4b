//! What bigan knows about a Chinese text as written, that both `lint`
//! (which reports it) and `import` (which cleans or reads it) need: the
//! debris a web page leaves, punctuation Chinese text should not hold,
//! traditional characters, the counts a text announces (三点意见), and the
//! scans that keep all of these linear in a line's length. Numerals,
//! marks and markers live beside it in [`crate::zh`], [`crate::marks`] and
//! [`crate::markers`].

pub mod count;
pub(crate) mod debris;
pub(crate) mod punct;
pub(crate) mod scan;
pub(crate) mod script;
