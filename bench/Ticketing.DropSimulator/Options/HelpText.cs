namespace Ticketing.DropSimulator.Options;

public static class HelpText
{
    public const string Usage = """
        Ticketing drop simulator: signs up buyers, starts an on-sale drop and lets concurrent buyers order
        until it is sold out, then checks through the API that no seat was sold twice. Reports reservations/s,
        time to sell out, latency percentiles and every outcome, next to the gateway's own ceiling.

        Usage:
          dotnet run -c Release --project bench/Ticketing.DropSimulator -- [options]

        Target:
          --url <url>               Gateway to load (default http://localhost:5080). Loopback only, unless
                                    --allow-remote. Raise its rate limits first (see bench/README.md).
          --allow-remote            Allow a non-loopback --url (a gateway you operate).
          --start <mode>            Start the target, run against it, stop it:
                                      embedded  dotnet <repo>/api-gateway/bin/Release/net10.0/Ticketing.Gateway.dll
                                                on a free 127.0.0.1 port (build it first: dotnet build -c Release api-gateway)
                                      durable   <repo>/scripts/cluster-up.sh, then cluster-down.sh --purge
                                    Started targets run with raised rate limits; their peak RSS is reported.
          --repo <dir>              Repository root for --start (default: found from the tool's location).
          --start-timeout <dur>     How long the target may take to become ready (default 10m; durable builds).
          --silos <n>               --start durable only: silos in the cluster, 1-9 (default 3).
          --reservation-window <d>  Started targets only: how long unpaid orders hold a seat (default the gateway's 15m).

        Drop shape:
          --buyers <n>              Buyers to sign up before the clock starts (default 1000).
          --signup-concurrency <n>  Concurrent sign-ups; each is a PBKDF2 hash on the server (default 16).
          --max-signup-duration <d> Time allowed for the sign-ups, which come before the clock (default 10m).
          --capacity <n>            Seats in the event, 1-100000 (default 10000).
          --price <amount>          Seat price (default 25).
          --max-per-user <n>        Seats one buyer may hold (default: no limit). A buyer that hits it stops.
          --on-sale-in <dur>        Put the event on sale this long after it is created; every buyer fires at
                                    that moment. Must exceed --poll-seconds (default: on sale at once).
          --concurrency <n>         Concurrent buyers on keep-alive connections (default 256).
          --warmup <dur>            Sell unmeasured warm-up events first, one after another, for this long, so the
                                    drop meets code the JIT has finished tiering up (default 20s; 0 = none).
          --warmup-seats <n>        Seats in each warm-up event (default 1000).
          --pay-share <0..1>        Share of reservations to pay with tok_visa; the rest are left to expire (default 0).
          --await-expiry            Wait for the unpaid reservations to expire and check the seats come back
                                    (needs a short reservation window, e.g. --reservation-window 10s).

        Bounds and measurement:
          --ceiling-seconds <dur>   GET /healthz at the same concurrency, before the drop (default 3s).
          --poll-seconds <dur>      GET /api/events/{id} at the same concurrency while buyers wait (default 3s).
          --poll-during-drop <n>    Connections that also poll GET /api/events/{id} from the on-sale moment until
                                    the drop ends, as buyers watching the counter do (default 0: none).
          --watchers <n>            Buyers that hold GET /api/events/{id}/live (Server-Sent Events) open from before
                                    the drop until they are sent the sell-out, as the storefront's event page does;
                                    reports how long after the first sold_out each was told (default 0: none).
          --request-timeout <dur>   Per request (default 10s); a request that takes longer counts as a timeout.
          --max-duration <dur>      The run after the sign-ups, through verification to the report (default 120s).
          --max-requests <n>        Order requests in the drop, at most (default 1000000).

        Output:
          --out <dir>               Where drop-<timestamp>.json and .md go (default <repo>/bench/results).
          --label <text>            Name of the target in the results table (default: embedded, durable or the URL).
          -h, --help                This text.

        Durations: 500ms, 10s, 2m, 10 (seconds) or 00:00:10.
        Exit status: 0 all checks passed; 1 a check failed; 2 bad arguments; 3 the run could not be set up.
        """;
}
