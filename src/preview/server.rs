//! HTTP for the preview: a fixed set of routes answered from the current
//! snapshot. No part of a URL ever reaches the file system, so there is
//! nothing to traverse and no folder to list: anything else is 404.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

use anyhow::Context as _;
use tiny_http::{Header, Method, Request, Response};

use super::Snapshot;
use super::page;
use crate::render::Doc;

/// The pages may load nothing but their own styles, the reload script and
/// `/version`: should anything in a draft get past the sanitiser, it still
/// could not run or fetch.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; \
                   connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
                   form-action 'none'; frame-ancestors 'none'";

/// What a URL asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    /// `/`: the document chosen with `--doc`.
    Home,
    Doc(Doc),
    Version,
    Script,
}

/// The route of a request target, by exact match of its path.
fn route(target: &str) -> Option<Route> {
    let path = target.split_once('?').map_or(target, |(path, _)| path);
    Some(match path {
        "/" => Route::Home,
        "/version" => Route::Version,
        "/live.js" => Route::Script,
        _ => Route::Doc(
            Doc::ALL
                .into_iter()
                .find(|d| path.strip_prefix('/') == Some(d.name()))?,
        ),
    })
}

/// An answer before it becomes a `tiny_http` response.
#[derive(Debug, PartialEq, Eq)]
struct Reply {
    status: u16,
    content_type: &'static str,
    body: String,
}

impl Reply {
    fn new(status: u16, content_type: &'static str, body: impl Into<String>) -> Reply {
        Reply {
            status,
            content_type,
            body: body.into(),
        }
    }
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";

/// The answer to one request. `guard_host` (when serving on loopback)
/// refuses requests whose `Host` is not a loopback name: a web page on
/// another site could otherwise point its own domain at 127.0.0.1 (DNS
/// rebinding) and read the drafts.
fn reply(
    method: &Method,
    target: &str,
    host: Option<&str>,
    guard_host: bool,
    site: &Snapshot,
) -> Reply {
    if guard_host && !host.is_none_or(loopback_host) {
        return Reply::new(
            403,
            TEXT,
            "bigan 预览只接受本机地址的访问：请用启动时显示的 http://127.0.0.1:端口/ 打开。\n",
        );
    }
    if !matches!(method, Method::Get | Method::Head) {
        return Reply::new(405, TEXT, "预览只提供网页浏览（GET）。\n");
    }
    match route(target) {
        Some(Route::Home) => Reply::new(200, HTML, site.page(site.home).to_owned()),
        Some(Route::Doc(doc)) => Reply::new(200, HTML, site.page(doc).to_owned()),
        Some(Route::Version) => Reply::new(200, TEXT, site.version.clone()),
        Some(Route::Script) => Reply::new(200, JS, page::LIVE_JS),
        None => Reply::new(404, HTML, page::not_found()),
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

/// Answers one request from `site`.
pub fn answer(request: Request, site: &Snapshot, guard_host: bool) {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_owned());
    let r = reply(
        request.method(),
        request.url(),
        host.as_deref(),
        guard_host,
        site,
    );
    let html = r.content_type == HTML;
    let length = r.body.len();
    let mut response = Response::from_string(r.body)
        .with_status_code(r.status)
        // Always Content-Length, never chunked: the size is known.
        .with_chunked_threshold(usize::MAX);
    let mut headers = vec![
        ("Content-Type", r.content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
    ];
    if html {
        headers.push(("Content-Security-Policy", CSP));
    }
    if r.status == 405 {
        headers.push(("Allow", "GET, HEAD"));
    }
    for (field, value) in headers {
        // Only fails on non-ASCII, and these are constants.
        if let Ok(h) = Header::from_bytes(field.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    debug_assert_eq!(response.data_length(), Some(length));
    // A browser that went away mid-answer is not an error of ours.
    let _ = request.respond(response);
}

/// Listens on `host:port` (port 0: any free port).
pub fn bind(host: &str, port: u16) -> anyhow::Result<(tiny_http::Server, SocketAddr)> {
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    let addrs: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .with_context(|| format!("监听地址“{host}”无法识别：请写 IP 地址，如 127.0.0.1"))?
        .collect();
    let server = tiny_http::Server::http(addrs.as_slice()).map_err(|e| {
        anyhow::anyhow!(
            "无法在 {host} 的 {port} 端口上启动预览（{e}）：端口可能已被占用，\
             换一个 --port，或用 --port 0 自动选择空闲端口"
        )
    })?;
    let addr = server
        .server_addr()
        .to_ip()
        .context("预览服务没有得到网络地址")?;
    Ok((server, addr))
}

/// The address a browser on this machine opens for `addr`.
pub fn url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn site() -> Snapshot {
        Snapshot {
            version: "v7".to_owned(),
            home: Doc::Plan,
            pages: Doc::ALL
                .into_iter()
                .map(|d| (d, format!("page of {}", d.name())))
                .collect::<HashMap<_, _>>(),
        }
    }

    fn get(target: &str) -> Reply {
        reply(&Method::Get, target, Some("127.0.0.1:8000"), true, &site())
    }

    #[test]
    fn serves_the_documents_the_version_and_the_script() {
        assert_eq!(get("/").body, "page of plan");
        assert_eq!(get("/speech").body, "page of speech");
        assert_eq!(get("/progress?x=1").body, "page of progress");
        assert_eq!(get("/version").body, "v7");
        assert_eq!(get("/live.js").content_type, JS);
    }

    #[test]
    fn nothing_else_is_served() {
        for target in [
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2fetc%2fpasswd",
            "/..\\..\\windows\\win.ini",
            "/%252e%252e/etc/passwd",
            "//etc/passwd",
            "/speech/../../etc/passwd",
            "/speech/",
            "/%73peech",
            "/hospital.yaml",
            "/campaigns/",
            "/./",
            "http://127.0.0.1/speech",
            "*",
            "",
        ] {
            let r = get(target);
            assert_eq!(r.status, 404, "{target}");
            assert!(!r.body.contains("page of"), "{target}");
        }
    }

    #[test]
    fn only_reading_is_allowed() {
        let r = reply(&Method::Post, "/speech", None, true, &site());
        assert_eq!(r.status, 405);
        let r = reply(&Method::Head, "/speech", None, true, &site());
        assert_eq!(r.status, 200);
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
            let r = reply(&Method::Get, "/", Some(host), true, &site());
            assert_eq!(r.status, 200, "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:80",
            "127.0.0.1.evil.example",
            "[::2]:80",
            "10.0.0.1",
        ] {
            let r = reply(&Method::Get, "/", Some(host), true, &site());
            assert_eq!(r.status, 403, "{host}");
        }
        let r = reply(&Method::Get, "/", Some("pc.lan:8000"), false, &site());
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
}
