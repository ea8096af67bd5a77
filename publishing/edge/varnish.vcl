vcl 4.1;

# CancerFax behind Varnish: stored patient pages are kept for as long as the
# app's s-maxage says (EDGE_CACHE_S_MAXAGE) and purged by the app after each
# approval (EDGE_PURGE_BACKEND=http, EDGE_PURGE_URLS=http://this-varnish:port).

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the app servers. Add their addresses if they are not local.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address."));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        ban("req.http.host == " + req.http.host + " && req.url == " + req.url);
        return (synth(200, "Banned"));
    }
    # Staff signed in, and anyone else with a cookie, reach the app (Varnish's
    # built-in rule); without one every visitor gets the same stored page.
}

sub vcl_backend_response {
    # Keep only what the app says a shared cache may keep. Without this,
    # Varnish's default TTL would keep for two minutes pages the app never
    # purges (search results, the inquiry form's answers).
    if (beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    # Shows whether Varnish answered without the app (hits on this object).
    set resp.http.X-Cache-Hits = obj.hits;
}
