//! The preview's HTTP server: a fixed set of routes answered from the
//! current snapshot, on plain threads over `std::net` (the protocol side is
//! in [`super::http`]). No part of a URL ever reaches the file system, so
//! there is nothing to traverse and no folder to list: anything else is 404.
//!
//! Limits, besides those of [`super::http`]: at most [`MAX_CONNECTIONS`]
//! connections at once (more get 503 at once and are closed), a request
//! head must arrive whole within [`HEAD_TIMEOUT`] (a client that trickles
//! bytes is cut off, not waited for), and an answer must be taken within
//! [`WRITE_TIMEOUT`].

use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context as _;

use super::http::{self, Head, Method, Refusal, Response};
use super::page;
use super::{Site, Snapshot};
use crate::render::Doc;

/// Connections served at once: a few tabs each hold one for the live
/// reload and open up to six for pages; more is someone flooding.
pub const MAX_CONNECTIONS: usize = 32;

/// How long a request head may take to arrive, from its first byte (or
/// from the end of the previous answer on a kept-alive connection).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a client may take to accept an answer.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// How often an idle live-reload stream sends a comment, so a tab that
/// went away is noticed and its connection freed.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// The pages may load nothing but their own styles, the reload script and
/// its event stream: should anything in a draft get past the sanitiser, it
/// still could not run or fetch.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; \
                   connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
                   form-action 'none'; frame-ancestors 'none'";

/// What a URL asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    /// `/`: the document chosen with `--doc`.
    Home,
    Doc(Doc),
    /// The version, for scripts and tests that poll.
    Version,
    /// The version now and at every rebuild, as Server-Sent Events.
    Events,
    Script,
}

/// The route of a request target, by exact match of its path.
fn route(target: &str) -> Option<Route> {
    let path = target.split_once('?').map_or(target, |(path, _)| path);
    Some(match path {
        "/" => Route::Home,
        "/version" => Route::Version,
        "/events" => Route::Events,
        "/live.js" => Route::Script,
        _ => Route::Doc(
            Doc::ALL
                .into_iter()
                .find(|d| path.strip_prefix('/') == Some(d.name()))?,
        ),
    })
}

/// What to send for one request.
#[derive(Debug, PartialEq, Eq)]
enum Answer {
    Full(Response),
    /// Hold the connection and stream the versions.
    Events,
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";

/// A complete answer with the headers every answer carries.
fn full(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Answer {
    Answer::Full(response(status, content_type, body))
}

fn response(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
    let mut headers = vec![
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
    ];
    if content_type == HTML {
        headers.push(("Content-Security-Policy", CSP));
    }
    if status == 405 {
        headers.push(("Allow", "GET, HEAD"));
    }
    Response {
        status,
        headers,
        body: body.into(),
    }
}

/// The answer to one request. `guard_host` (when serving on loopback)
/// refuses requests whose `Host` is not a loopback name: a web page on
/// another site could otherwise point its own domain at 127.0.0.1 (DNS
/// rebinding) and read the drafts.
fn reply(head: &Head, guard_host: bool, site: &Snapshot) -> Answer {
    if guard_host && !head.host.is_none_or(loopback_host) {
        return full(
            403,
            TEXT,
            "bigan 预览只接受本机地址的访问：请用启动时显示的 http://127.0.0.1:端口/ 打开。\n",
        );
    }
    if head.method == Method::Other {
        return full(405, TEXT, "预览只提供网页浏览（GET）。\n");
    }
    match route(head.target) {
        Some(Route::Home) => full(200, HTML, site.page(site.home)),
        Some(Route::Doc(doc)) => full(200, HTML, site.page(doc)),
        Some(Route::Version) => full(200, TEXT, site.version.as_str()),
        Some(Route::Events) if head.method == Method::Get => Answer::Events,
        // HEAD of the stream: its headers, nothing held.
        Some(Route::Events) => full(200, "text/event-stream", ""),
        Some(Route::Script) => full(200, JS, page::LIVE_JS),
        None => full(404, HTML, page::not_found()),
    }
}

/// Whether a `Host` header names this machine.
fn loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split_once(']').map_or(rest, |(ip, _)| ip),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.strip_suffix('.').unwrap_or(name);
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// A connection: a byte stream whose reads can be given a deadline.
pub trait Wire: Read + Write {
    /// Makes the next reads fail once `timeout` has passed.
    fn read_timeout(&mut self, timeout: Duration) -> io::Result<()>;
}

impl Wire for TcpStream {
    fn read_timeout(&mut self, timeout: Duration) -> io::Result<()> {
        self.set_read_timeout(Some(timeout.max(Duration::from_millis(1))))
    }
}

/// Serves the requests of one connection until it closes, errs or breaks
/// a rule (or, for the event stream, until the preview stops).
pub fn serve_connection(wire: &mut impl Wire, site: &Site, guard_host: bool) {
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    loop {
        let head_len = match read_head(wire, &mut buf) {
            Ok(Some(len)) => len,
            // Closed, timed out or stopping: nothing more to say.
            Ok(None) => return,
            Err(refusal) => return refuse(wire, refusal),
        };
        let keep_alive = {
            let head = match http::parse_head(&buf[..head_len]) {
                Ok(head) => head,
                Err(refusal) => return refuse(wire, refusal),
            };
            let snapshot = site.current();
            match reply(&head, guard_host, &snapshot) {
                Answer::Full(response) => {
                    let body = head.method != Method::Head;
                    if send(wire, &response, body, head.keep_alive).is_err() {
                        return;
                    }
                    head.keep_alive
                }
                Answer::Events => {
                    stream_events(wire, site, &snapshot.version);
                    return;
                }
            }
        };
        if !keep_alive {
            return;
        }
        // What came after the head is the start of the next request (no
        // request has a body).
        buf.drain(..head_len);
    }
}

/// Reads until `buf` holds a whole head; its length, `None` when the
/// connection closed or timed out first.
fn read_head(wire: &mut impl Wire, buf: &mut Vec<u8>) -> Result<Option<usize>, Refusal> {
    let deadline = Instant::now() + HEAD_TIMEOUT;
    let mut chunk = [0u8; 2048];
    loop {
        // Empty lines before a request line are ignored (RFC 9112 §2.2):
        // clients may send a CRLF after a request, and it must not be
        // answered as a malformed request of its own.
        let blank = buf
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        buf.drain(..blank);
        if let Some(len) = http::head_end(buf)? {
            return Ok(Some(len));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || wire.read_timeout(left).is_err() {
            return Ok(None);
        }
        // Never read past what a head may hold: the rest stays unread.
        let room = (http::MAX_HEAD + 1)
            .saturating_sub(buf.len())
            .min(chunk.len());
        match wire.read(&mut chunk[..room]) {
            Ok(0) => return Ok(None),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Ok(None),
        }
    }
}

/// Answers a request that broke a rule; the connection is then closed.
fn refuse(wire: &mut impl Wire, refusal: Refusal) {
    let answer = response(refusal.status(), TEXT, refusal.message());
    let _ = send(wire, &answer, true, false);
}

fn send(wire: &mut impl Wire, response: &Response, body: bool, keep_alive: bool) -> io::Result<()> {
    wire.write_all(&http::head_bytes(response, keep_alive))?;
    if body {
        wire.write_all(&response.body)?;
    }
    wire.flush()
}

/// Streams the version as Server-Sent Events: the current one at once (a
/// tab whose page is older reloads), then each new one as soon as it is
/// published, until the client goes or the preview stops.
fn stream_events(wire: &mut impl Wire, site: &Site, version: &str) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
                Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
                Connection: close\r\n\r\n";
    // `retry`: how soon the browser reconnects after the preview restarts.
    let first = format!("{head}retry: 1000\n\ndata: {version}\n\n");
    if wire
        .write_all(first.as_bytes())
        .and_then(|()| wire.flush())
        .is_err()
    {
        return;
    }
    let mut seen = version.to_owned();
    loop {
        let message = match site.wait_for_change(&seen, HEARTBEAT) {
            _ if site.stopping() => return,
            Some(version) => {
                let message = format!("data: {version}\n\n");
                seen = version;
                message
            }
            None => ": still here\n\n".to_owned(),
        };
        if wire
            .write_all(message.as_bytes())
            .and_then(|()| wire.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Accepts connections until the preview stops, each served on its own
/// thread, at most [`MAX_CONNECTIONS`] at once.
pub fn accept(listener: &TcpListener, site: &Arc<Site>, guard_host: bool) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if site.stopping() {
            return;
        }
        let Ok(mut stream) = stream else {
            // A failed accept (say, out of file handles): try again soon.
            thread::sleep(Duration::from_millis(50));
            continue;
        };
        let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
        let _ = stream.set_nodelay(true);
        if open.fetch_add(1, Ordering::AcqRel) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::AcqRel);
            refuse_busy(stream);
            continue;
        }
        let (site, open) = (Arc::clone(site), Arc::clone(&open));
        let spawned = thread::Builder::new()
            .name("preview-http".to_owned())
            .spawn(move || {
                serve_connection(&mut stream, &site, guard_host);
                let _ = stream.shutdown(Shutdown::Both);
                open.fetch_sub(1, Ordering::AcqRel);
            });
        if spawned.is_err() {
            thread::sleep(Duration::from_millis(50));
        }
    }
}

/// 503 to a connection over the cap, without reading it.
fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let busy = response(503, TEXT, "预览同时打开的连接太多，请稍后再试。\n");
    let _ = send(&mut stream, &busy, true, false);
    let _ = stream.shutdown(Shutdown::Both);
}

/// Makes [`accept`] return: it is blocked in `accept`, which only a new
/// connection ends.
pub fn wake(addr: SocketAddr) {
    let _ = TcpStream::connect_timeout(&local(addr), Duration::from_secs(1));
}

/// Listens on `host:port` (port 0: any free port).
pub fn bind(host: &str, port: u16) -> anyhow::Result<(TcpListener, SocketAddr)> {
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    let addrs: Vec<SocketAddr> = std::net::ToSocketAddrs::to_socket_addrs(&(host, port))
        .with_context(|| format!("监听地址“{host}”无法识别：请写 IP 地址，如 127.0.0.1"))?
        .collect();
    let listener = TcpListener::bind(addrs.as_slice()).map_err(|e| {
        anyhow::anyhow!(
            "无法在 {host} 的 {port} 端口上启动预览（{e}）：端口可能已被占用，\
             换一个 --port，或用 --port 0 自动选择空闲端口"
        )
    })?;
    let addr = listener.local_addr().context("预览服务没有得到网络地址")?;
    Ok((listener, addr))
}

/// The address on this machine that reaches `addr`.
fn local(addr: SocketAddr) -> SocketAddr {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, addr.port())
}

/// The address a browser on this machine opens for `addr`.
pub fn url(addr: SocketAddr) -> String {
    format!("http://{}/", local(addr))
}

/// Everything the server sends back for `request` (the bytes a client
/// wrote on one connection), answered from a small fixed site: for fuzzing
/// and property tests of the request handling without a socket.
pub fn exchange(request: &[u8]) -> Vec<u8> {
    let site = Site::sample();
    // An event stream sends the version, then ends.
    site.stop();
    let mut wire = Memory {
        input: io::Cursor::new(request),
        output: Vec::new(),
    };
    serve_connection(&mut wire, &site, true);
    wire.output
}

/// A connection in memory: reads from a buffer, writes to another.
struct Memory<'a> {
    input: io::Cursor<&'a [u8]>,
    output: Vec<u8>,
}

impl Read for Memory<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.input.read(buf)
    }
}

impl Write for Memory<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.output.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Wire for Memory<'_> {
    fn read_timeout(&mut self, _: Duration) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn site() -> Snapshot {
        Site::sample().current().as_ref().clone()
    }

    fn head(method: Method, target: &str, host: Option<&'static str>) -> Head<'static> {
        Head {
            method,
            target: Box::leak(target.to_owned().into_boxed_str()),
            host,
            keep_alive: true,
        }
    }

    fn answer(method: Method, target: &str, host: Option<&'static str>, guard: bool) -> Response {
        match reply(&head(method, target, host), guard, &site()) {
            Answer::Full(r) => r,
            Answer::Events => panic!("{target} streams"),
        }
    }

    fn get(target: &str) -> Response {
        answer(Method::Get, target, Some("127.0.0.1:8000"), true)
    }

    fn body(r: &Response) -> &str {
        std::str::from_utf8(&r.body).unwrap()
    }

    #[test]
    fn serves_the_documents_the_version_and_the_script() {
        assert_eq!(body(&get("/")), "page of plan");
        assert_eq!(body(&get("/speech")), "page of speech");
        assert_eq!(body(&get("/progress?t=1")), "page of progress");
        assert_eq!(body(&get("/version")), "v7");
        assert_eq!(body(&get("/live.js")), page::LIVE_JS);
        assert_eq!(
            reply(&head(Method::Get, "/events", None), true, &site()),
            Answer::Events
        );
    }

    #[test]
    fn html_answers_carry_the_policy() {
        let r = get("/speech");
        assert!(r.headers.contains(&("Content-Security-Policy", CSP)));
        assert!(r.headers.contains(&("Cache-Control", "no-store")));
        assert!(
            !get("/version")
                .headers
                .iter()
                .any(|(n, _)| *n == "Content-Security-Policy")
        );
    }

    #[test]
    fn anything_else_is_not_found() {
        for target in [
            "/../etc/passwd",
            "/speech/",
            "/SPEECH",
            "/speech.md",
            "/campaigns/",
            "/./",
            "http://127.0.0.1/speech",
            "*",
            "",
        ] {
            let r = get(target);
            assert_eq!(r.status, 404, "{target}");
            assert!(!body(&r).contains("page of"), "{target}");
        }
    }

    #[test]
    fn only_reading_is_allowed() {
        let r = answer(Method::Other, "/speech", None, true);
        assert_eq!(r.status, 405);
        assert!(r.headers.contains(&("Allow", "GET, HEAD")));
        assert_eq!(answer(Method::Head, "/speech", None, true).status, 200);
    }

    #[test]
    fn other_sites_are_refused_on_loopback() {
        for host in [
            "localhost:1",
            "LOCALHOST",
            "127.0.0.1:9",
            "127.1.2.3",
            "[::1]:80",
            "localhost.",
        ] {
            assert_eq!(
                answer(Method::Get, "/", Some(host), true).status,
                200,
                "{host}"
            );
        }
        for host in [
            "evil.example",
            "evil.example:80",
            "127.0.0.1.evil.example",
            "[::2]:80",
            "10.0.0.1",
        ] {
            assert_eq!(
                answer(Method::Get, "/", Some(host), true).status,
                403,
                "{host}"
            );
        }
        let r = answer(Method::Get, "/", Some("pc.lan:8000"), false);
        assert_eq!(r.status, 200, "an explicit --host serves any name");
    }

    #[test]
    fn urls_a_browser_can_open() {
        assert_eq!(url("0.0.0.0:80".parse().unwrap()), "http://127.0.0.1:80/");
        assert_eq!(url("[::]:80".parse().unwrap()), "http://[::1]:80/");
        assert_eq!(
            url("192.168.1.5:8080".parse().unwrap()),
            "http://192.168.1.5:8080/"
        );
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    #[test]
    fn a_connection_answers_each_request_in_turn() {
        let out = text(&exchange(
            b"GET /version HTTP/1.1\r\nHost: localhost\r\n\r\n\
              HEAD /speech HTTP/1.1\r\nHost: localhost\r\n\r\n\
              GET /plan HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n\
              GET /never HTTP/1.1\r\n\r\n",
        ));
        let statuses: Vec<&str> = out.matches("HTTP/1.1 ").collect();
        assert_eq!(statuses.len(), 3, "{out}");
        assert!(out.contains("\r\n\r\nv7HTTP/1.1 200 OK"), "{out}");
        assert!(
            out.contains("Content-Length: 14\r\nConnection: keep-alive\r\n\r\nHTTP/1.1 200"),
            "HEAD gives the length and no body: {out}"
        );
        assert!(
            out.ends_with("Connection: close\r\n\r\npage of plan"),
            "{out}"
        );
    }

    #[test]
    fn empty_lines_between_requests_are_not_requests() {
        let out = exchange(b"GET /version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n\n\n");
        assert_eq!(responses(&out).len(), 1, "{}", text(&out));
        let out =
            exchange(b"\r\nGET /version HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        let answers = responses(&out);
        assert_eq!(answers.len(), 1, "{}", text(&out));
        assert_eq!(answers[0].0, 200, "{}", text(&out));
    }

    #[test]
    fn a_body_is_refused_unread_and_the_connection_closed() {
        let out = text(&exchange(
            b"POST /speech HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 99999999999\r\n\r\n\
              GET /version HTTP/1.1\r\n\r\n",
        ));
        assert!(out.starts_with("HTTP/1.1 413 "), "{out}");
        assert_eq!(out.matches("HTTP/1.1 ").count(), 1, "{out}");
    }

    #[test]
    fn an_oversized_head_is_refused() {
        let mut request = b"GET / HTTP/1.1\r\nX: ".to_vec();
        request.resize(http::MAX_HEAD * 4, b'a');
        let out = text(&exchange(&request));
        assert!(out.starts_with("HTTP/1.1 431 "), "{out}");
    }

    #[test]
    fn the_event_stream_starts_with_the_version() {
        let out = text(&exchange(
            b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        ));
        assert!(
            out.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream"),
            "{out}"
        );
        assert!(
            out.ends_with("\r\n\r\nretry: 1000\n\ndata: v7\n\n"),
            "{out}"
        );
    }

    /// Splits what a connection sent back into responses: (status, body).
    /// Panics when the bytes are not a sequence of whole responses.
    fn responses(out: &[u8]) -> Vec<(u16, Vec<u8>)> {
        let mut rest = out;
        let mut found = Vec::new();
        while !rest.is_empty() {
            let end = rest
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .expect("a whole head")
                + 4;
            let head = std::str::from_utf8(&rest[..end]).expect("an ASCII head");
            let status: u16 = head[9..12].parse().expect("a status");
            if head.contains("text/event-stream") && !head.contains("Content-Length") {
                found.push((status, rest[end..].to_vec()));
                break;
            }
            let announced: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("Content-Length: "))
                .expect("a length")
                .parse()
                .expect("a number");
            // An answer to HEAD has the length and no body; no body starts
            // like a response.
            let length = if rest[end..].starts_with(b"HTTP/1.1 ") {
                0
            } else {
                announced
            };
            let body = rest.get(end..end + length).unwrap_or(&rest[end..]);
            found.push((status, body.to_vec()));
            rest = &rest[(end + length).min(rest.len())..];
        }
        found
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        /// Request-ish bytes: a method, a target, headers, sometimes junk.
        fn request() -> impl Strategy<Value = Vec<u8>> {
            let method =
                prop::sample::select(vec!["GET", "HEAD", "POST", "PUT", "get", "", "G ET"]);
            let target = prop::sample::select(vec![
                "/",
                "/speech",
                "/plan",
                "/progress",
                "/version",
                "/events",
                "/live.js",
                "/../etc/passwd",
                "//",
                "*",
                "/%2e%2e/",
                "/speech?x",
            ]);
            let header = prop::sample::select(vec![
                "Host: 127.0.0.1".to_owned(),
                "Host: evil.example".to_owned(),
                "Content-Length: 0".to_owned(),
                "Content-Length: 99999999999".to_owned(),
                "Content-Length: 5".to_owned(),
                "Transfer-Encoding: chunked".to_owned(),
                "Connection: close".to_owned(),
                "Connection: keep-alive".to_owned(),
                format!("X-Long: {}", "a".repeat(9000)),
                "Bad Header".to_owned(),
            ]);
            let version = prop::sample::select(vec!["HTTP/1.1", "HTTP/1.0", "HTTP/2", "XYZ"]);
            let one = (method, target, version, prop::collection::vec(header, 0..4)).prop_map(
                |(m, t, v, headers)| {
                    let mut r = format!("{m} {t} {v}\r\n");
                    for h in headers {
                        r.push_str(&h);
                        r.push_str("\r\n");
                    }
                    r.push_str("\r\n");
                    r.into_bytes()
                },
            );
            let junk = prop::collection::vec(any::<u8>(), 0..64);
            prop::collection::vec(prop_oneof![4 => one, 1 => junk], 1..4)
                .prop_map(|parts| parts.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            /// Whatever is sent, the answer is a sequence of whole
            /// responses, never more than the requests sent, never a
            /// file's content, and a request announcing a body is the last
            /// one answered.
            #[test]
            fn every_answer_is_whole_and_bounded(input in request()) {
                let out = exchange(&input);
                let answers = responses(&out);
                let requests = input.windows(4).filter(|w| w == b"\r\n\r\n").count().max(1);
                prop_assert!(answers.len() <= requests, "{} answers to {} requests", answers.len(), requests);
                for (i, (status, body)) in answers.iter().enumerate() {
                    prop_assert!([200, 400, 403, 404, 405, 413, 431, 505].contains(status), "{status}");
                    let body = String::from_utf8_lossy(body);
                    prop_assert!(!body.contains("root:"), "{body}");
                    if [400, 413, 431, 505].contains(status) {
                        prop_assert_eq!(i, answers.len() - 1, "the connection closes after a refusal");
                    }
                }
            }

            /// Arbitrary bytes never panic the request handling.
            #[test]
            fn any_bytes_are_handled(input in prop::collection::vec(any::<u8>(), 0..2048)) {
                let _ = responses(&exchange(&input));
            }
        }
    }
}
