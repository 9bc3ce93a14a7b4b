//! Just enough HTTP/1.1 for the preview, with every limit explicit.
//!
//! Why by hand: the preview answers a handful of GET routes to a browser on
//! this machine. tiny_http, which served them before, aborted the whole
//! process on one request (`Content-Length: 99999999999` made it allocate
//! that much) and is barely maintained; the well-kept servers (hyper and
//! the frameworks on it) bring an async runtime and dozens of crates for
//! features the preview refuses anyway (bodies, chunked uploads, upgrades,
//! HTTP/2). What the preview needs fits here and can be read in one go:
//!
//! - the request line and headers together are at most [`MAX_HEAD`] bytes,
//!   read into a fixed buffer; more is refused (431) before it is read;
//! - at most [`MAX_HEADERS`] header lines, each `name: value` in ASCII;
//! - no request body at all: any `Content-Length` other than 0 and any
//!   `Transfer-Encoding` is refused (413) without reading a byte of it, and
//!   the connection is closed;
//! - methods other than GET and HEAD get 405 (after the body check, so a
//!   POST with a body never has it read either);
//! - timeouts and a connection cap live in [`super::server`].
//!
//! Parsing is a pure function of the bytes ([`parse_head`]) so that it can
//! be fuzzed and property-tested without a socket.

use std::fmt::Write as _;

/// The most a request line and its headers may take, in bytes. A browser
/// sends well under 2 KB to the preview.
pub const MAX_HEAD: usize = 8 * 1024;

/// The most header lines a request may have.
pub const MAX_HEADERS: usize = 64;

/// The request methods the preview knows; anything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Other,
}

/// What the preview needs from a request head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head<'a> {
    pub method: Method,
    pub target: &'a str,
    /// The `Host` header, if any.
    pub host: Option<&'a str>,
    /// Whether the client can take another request on this connection
    /// (HTTP/1.1 without `Connection: close`).
    pub keep_alive: bool,
}

/// A request refused before it was answered; the connection is closed
/// after the refusal, since what follows cannot be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// 400: not an HTTP/1.x request as the preview reads them.
    Malformed,
    /// 413: the request announces a body.
    Body,
    /// 431: the head is longer than [`MAX_HEAD`] or has too many lines.
    TooLarge,
    /// 505: not HTTP/1.0 or 1.1.
    Version,
}

impl Refusal {
    pub fn status(self) -> u16 {
        match self {
            Refusal::Malformed => 400,
            Refusal::Body => 413,
            Refusal::TooLarge => 431,
            Refusal::Version => 505,
        }
    }

    /// Why, in Chinese, for the body of the refusal.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::Malformed => "请求的格式不对。\n",
            Refusal::Body => "预览只提供网页浏览，不接收上传的内容。\n",
            Refusal::TooLarge => "请求头太长。\n",
            Refusal::Version => "预览只支持 HTTP/1.0 和 HTTP/1.1。\n",
        }
    }
}

/// Where the head in `buf` ends (just past the blank line), once it is
/// all there; `Err` when it cannot end within [`MAX_HEAD`].
pub fn head_end(buf: &[u8]) -> Result<Option<usize>, Refusal> {
    let window = &buf[..buf.len().min(MAX_HEAD)];
    // Bare LF line ends are accepted too (RFC 9112 §2.2): the head ends at
    // the first blank line, however its line ends are written.
    let crlf = window
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4);
    let lf = window.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    if let Some(end) = crlf.into_iter().chain(lf).min() {
        return Ok(Some(end));
    }
    if buf.len() >= MAX_HEAD {
        return Err(Refusal::TooLarge);
    }
    Ok(None)
}

/// Reads a complete request head (everything before the blank line).
pub fn parse_head(head: &[u8]) -> Result<Head<'_>, Refusal> {
    if head.len() > MAX_HEAD {
        return Err(Refusal::TooLarge);
    }
    let text = std::str::from_utf8(head).map_err(|_| Refusal::Malformed)?;
    let mut lines = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        // Leading empty lines before a request line are to be ignored.
        .skip_while(|l| l.is_empty());
    let request_line = lines.next().ok_or(Refusal::Malformed)?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Malformed);
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Refusal::Malformed);
    }
    if target.is_empty() || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Refusal::Malformed);
    }
    let keep_alive_default = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        v if v.starts_with("HTTP/") => return Err(Refusal::Version),
        _ => return Err(Refusal::Malformed),
    };
    let mut host = None;
    let mut keep_alive = keep_alive_default;
    let mut count = 0;
    for line in lines.take_while(|l| !l.is_empty()) {
        count += 1;
        if count > MAX_HEADERS {
            return Err(Refusal::TooLarge);
        }
        let (name, value) = line.split_once(':').ok_or(Refusal::Malformed)?;
        // No space before the colon, no folded lines (RFC 9112 §5).
        if name.is_empty() || !name.bytes().all(is_token) {
            return Err(Refusal::Malformed);
        }
        let value = value.trim_matches([' ', '\t']);
        if value.bytes().any(|b| b.is_ascii_control() && b != b'\t') {
            return Err(Refusal::Malformed);
        }
        if name.eq_ignore_ascii_case("content-length") {
            // Only an explicit zero is no body; anything else, even
            // unreadable, announces one.
            if value.is_empty() || !value.bytes().all(|b| b == b'0') {
                return Err(Refusal::Body);
            }
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            return Err(Refusal::Body);
        } else if name.eq_ignore_ascii_case("host") {
            if host.is_some() {
                // Two Host headers: which one a proxy believed is unknown.
                return Err(Refusal::Malformed);
            }
            host = Some(value);
        } else if name.eq_ignore_ascii_case("connection") {
            for option in value.split(',').map(str::trim) {
                if option.eq_ignore_ascii_case("close") {
                    keep_alive = false;
                } else if option.eq_ignore_ascii_case("keep-alive") {
                    keep_alive = true;
                }
            }
        }
    }
    let method = match method {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        _ => Method::Other,
    };
    Ok(Head {
        method,
        target,
        host,
        keep_alive,
    })
}

/// A header name character (RFC 9110 §5.6.2 `tchar`).
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// A response whose body is known in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    /// `(name, value)` pairs besides Content-Length and Connection.
    pub headers: Vec<(&'static str, &'static str)>,
    pub body: Vec<u8>,
}

/// The reason phrase of the statuses the preview sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// The status line and headers of `response`; `body` says whether the
/// body follows (not for HEAD), `keep_alive` whether the connection stays.
pub fn head_bytes(response: &Response, keep_alive: bool) -> Vec<u8> {
    let mut out = String::with_capacity(512);
    let _ = write!(
        out,
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        let _ = write!(out, "{name}: {value}\r\n");
    }
    let _ = write!(out, "Content-Length: {}\r\n", response.body.len());
    out.push_str(if keep_alive {
        "Connection: keep-alive\r\n\r\n"
    } else {
        "Connection: close\r\n\r\n"
    });
    out.into_bytes()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn head(text: &str) -> Result<Head<'_>, Refusal> {
        parse_head(text.as_bytes())
    }

    #[test]
    fn reads_what_a_browser_sends() {
        let h = head(
            "GET /speech?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nAccept: */*\r\n\
             Connection: keep-alive\r\n\r\n",
        )
        .unwrap();
        assert_eq!(h.method, Method::Get);
        assert_eq!(h.target, "/speech?x=1");
        assert_eq!(h.host, Some("127.0.0.1:8000"));
        assert!(h.keep_alive);
        let h = head("HEAD / HTTP/1.0\n\n").unwrap();
        assert_eq!(h.method, Method::Head);
        assert!(!h.keep_alive, "HTTP/1.0 closes unless asked");
        assert!(
            !head("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
                .unwrap()
                .keep_alive
        );
    }

    #[test]
    fn refuses_any_body_before_reading_it() {
        for text in [
            "GET / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 99999999999\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: 1\r\n\r\n",
            "GET / HTTP/1.1\r\ncontent-length: -1\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length:\r\n\r\n",
            "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
        ] {
            assert_eq!(head(text), Err(Refusal::Body), "{text}");
        }
        for text in [
            "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: 000\r\n\r\n",
        ] {
            assert!(head(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_request() {
        for text in [
            "",
            "\r\n\r\n",
            "GET\r\n\r\n",
            "GET /\r\n\r\n",
            "GET / HTTP/1.1 extra\r\n\r\n",
            "GET  / HTTP/1.1\r\n\r\n",
            "G\u{e9}T / HTTP/1.1\r\n\r\n",
            "GET /\u{7f} HTTP/1.1\r\n\r\n",
            "GET / FTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
            "GET / HTTP/1.1\r\nName : value\r\n\r\n",
            "GET / HTTP/1.1\r\n folded\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n",
        ] {
            assert_eq!(head(text), Err(Refusal::Malformed), "{text:?}");
        }
        assert_eq!(head("GET / HTTP/2.0\r\n\r\n"), Err(Refusal::Version));
        assert_eq!(
            parse_head(b"GET / HTTP/1.1\r\nX: \xff\r\n\r\n"),
            Err(Refusal::Malformed)
        );
    }

    #[test]
    fn limits_the_head() {
        let many = format!(
            "GET / HTTP/1.1\r\n{}\r\n",
            "X: y\r\n".repeat(MAX_HEADERS + 1)
        );
        assert_eq!(head(&many), Err(Refusal::TooLarge));
        let long = vec![b'a'; MAX_HEAD];
        assert_eq!(head_end(&long), Err(Refusal::TooLarge));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n"), Ok(None));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nrest"), Ok(Some(18)));
        let mut late = vec![b'a'; MAX_HEAD];
        late.extend_from_slice(b"\r\n\r\n");
        assert_eq!(
            head_end(&late),
            Err(Refusal::TooLarge),
            "an end past the limit"
        );
    }

    #[test]
    fn writes_a_head_with_the_length() {
        let r = Response {
            status: 404,
            headers: vec![("Content-Type", "text/plain")],
            body: b"no".to_vec(),
        };
        assert_eq!(
            String::from_utf8(head_bytes(&r, false)).unwrap(),
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\
             Connection: close\r\n\r\n"
        );
    }
}
