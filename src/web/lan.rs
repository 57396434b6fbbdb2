//! `--lan`: which address to bind so a phone on the same network can open the page, and the
//! address as a QR code for the terminal.

use std::net::{IpAddr, Ipv4Addr, UdpSocket};

/// The address the system would send from to reach the internet: the machine's address on its
/// main network. Found by "connecting" a UDP socket (nothing is sent); None without a route.
pub fn detect() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    // TEST-NET-1 (RFC 5737): routed like any outside address, never a real host.
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    Some(socket.local_addr().ok()?.ip())
}

/// The address `--lan` binds: the one given (`--lan ADDR`), else the detected one. Refuses the
/// unspecified address (it would listen on every network, which `--lan` does not promise) and,
/// when detected, a loopback address (no other device could reach it). Returns the message to
/// print.
pub fn choose(given: Option<IpAddr>, detected: Option<IpAddr>) -> Result<IpAddr, String> {
    match given {
        Some(ip) if ip.is_unspecified() => Err(crate::tr!("web-serve-lan-every-interface", ip = ip.to_string())),
        Some(ip) => Ok(ip),
        None => match detected {
            Some(ip) if !ip.is_loopback() && !ip.is_unspecified() => Ok(ip),
            _ => Err(crate::tr!("web-serve-lan-none")),
        },
    }
}

/// `url` as a QR code drawn with half-block characters, two modules per character cell, dark on
/// light (with its quiet zone), for a terminal.
pub fn qr(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::unicode::Dense1x2>()
            .dark_color(qrcode::render::unicode::Dense1x2::Light)
            .light_color(qrcode::render::unicode::Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_given_address_wins_over_the_detected_one() {
        assert_eq!(choose(Some(ip("127.0.0.2")), Some(ip("192.168.1.20"))), Ok(ip("127.0.0.2")));
        assert_eq!(choose(Some(ip("10.0.0.5")), None), Ok(ip("10.0.0.5")));
    }

    #[test]
    fn the_detected_address_is_used_unless_it_is_loopback() {
        assert_eq!(choose(None, Some(ip("192.168.1.20"))), Ok(ip("192.168.1.20")));
        assert!(choose(None, Some(ip("127.0.0.1"))).is_err());
        assert!(choose(None, None).is_err());
    }

    #[test]
    fn every_interface_is_refused() {
        assert!(choose(Some(ip("0.0.0.0")), Some(ip("192.168.1.20"))).is_err());
        assert!(choose(Some(ip("::")), None).is_err());
    }

    #[test]
    fn the_qr_code_is_drawn_in_half_blocks() {
        let code = qr("http://192.168.1.20:8000/?token=00ff").unwrap();
        assert!(code.lines().count() > 10);
        assert!(code.chars().all(|c| matches!(c, '█' | '▀' | '▄' | ' ' | '\n')));
    }
}
