#!/usr/bin/env bash
# The HTTP service over a real socket: starts `shopsched serve` on 127.0.0.1 (a free port) with
# a fresh API key, walks through the README's curl calls and checks each answer: the engine's
# documents are byte for byte what the CLI writes for the same files, every plan that comes back
# passes `shopsched verify`, denials have their status; then the Java client books the example
# request (when `java` is here), and SIGTERM stops the server cleanly. The server is stopped on
# any exit (trap).
#
#   bash scripts/serve-ci.sh        (after `swift build`; uses the debug build in .build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build --show-bin-path)/shopsched"
[ -x "$bin" ] || { echo "serve-ci: $bin not built (run swift build)" >&2; exit 1; }
work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "serve-ci: FAIL: $*" >&2; echo "--- server log" >&2; tail -n 40 "$work/server.log" >&2 || true; exit 1; }

# A key for every facility, and one limited to a facility no example has.
key="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
other="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
digest() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
printf '{"format": "shopsched.api-keys/1", "keys": [{"id": "ci", "sha256": "%s"}, {"id": "elsewhere", "sha256": "%s", "facilities": ["ELSEWHERE"]}]}\n' \
    "$(digest "$key")" "$(digest "$other")" > "$work/keys.json"

"$bin" serve --host 127.0.0.1 --port 0 --port-file "$work/port" --api-keys "$work/keys.json" \
    --max-body 4000000 > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; kill -0 "$server" 2>/dev/null || fail "the server exited"; sleep 0.1; done
[ -s "$work/port" ] || fail "the server did not start listening"
base="http://127.0.0.1:$(tr -d '\n' < "$work/port")"
echo "serve-ci: server at $base"

# post PATH BODY_FILE OUT [curl options…]: prints the status.
post() {
    local path=$1 body=$2 out=$3; shift 3
    curl -sS -o "$out" -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
        --data-binary @"$body" "$@" "$base$path"
}
expect() { [ "$1" = "$2" ] || fail "$3: status $1, expected $2 ($(head -c 300 "$4" 2>/dev/null))"; }
same() { cmp -s "$1" "$2" || { diff <(head -c 2000 "$1") <(head -c 2000 "$2") >&2 || true; fail "$3: not the CLI's bytes"; }; }
# envelope FILE NAME=FILE… [now]: a request body whose members are the files as they are.
envelope() {
    local out=$1 now=$2; shift 2
    { printf '{'; local sep=""; for pair in "$@"; do printf '%s"%s": ' "$sep" "${pair%%=*}"; cat "${pair#*=}"; sep=", "; done
      [ -n "$now" ] && printf '%s"now": "%s"' "$sep" "$now"; printf '}'; } > "$out"
}

d=datasets
status=$(curl -sS -o "$work/health" -w '%{http_code}' "$base/healthz"); expect "$status" 200 healthz "$work/health"
status=$(curl -sS -o "$work/ready" -w '%{http_code}' "$base/readyz"); expect "$status" 200 readyz "$work/ready"

# 1. Booking: created and with conflicts, each the CLI's decision byte for byte.
for request in request-created request-conflicts; do
    envelope "$work/book.json" 2026-11-23T07:30 snapshot=$d/booking/snapshot.json request=$d/booking/$request.json
    status=$(post /v1/bookings:decide "$work/book.json" "$work/book.out"); expect "$status" 200 "book $request" "$work/book.out"
    "$bin" book --snapshot $d/booking/snapshot.json --request $d/booking/$request.json --now 2026-11-23T07:30 > "$work/book.cli" || true
    same "$work/book.out" "$work/book.cli" "book $request"
done

# 2. Without a key, with a wrong one, with a key for another facility.
status=$(curl -sS -o "$work/denied" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$work/book.json" "$base/v1/bookings:decide")
expect "$status" 401 "no key" "$work/denied"
status=$(curl -sS -o "$work/denied" -w '%{http_code}' -H "Authorization: Bearer wrong" -H 'Content-Type: application/json' --data-binary @"$work/book.json" "$base/v1/bookings:decide")
expect "$status" 401 "wrong key" "$work/denied"
status=$(curl -sS -o "$work/denied" -w '%{http_code}' -H "Authorization: Bearer $other" -H 'Content-Type: application/json' --data-binary @"$work/book.json" "$base/v1/bookings:decide")
expect "$status" 403 "key of another facility" "$work/denied"

# 3. Reschedule and replan; the replan's plan passes the verifier.
envelope "$work/move.json" 2026-11-23T09:30 snapshot=$d/reschedule/snapshot.json request=$d/reschedule/request-moved.json
status=$(post /v1/reschedules:decide "$work/move.json" "$work/move.out"); expect "$status" 200 reschedule "$work/move.out"
"$bin" reschedule --snapshot $d/reschedule/snapshot.json --request $d/reschedule/request-moved.json --now 2026-11-23T09:30 > "$work/move.cli"
same "$work/move.out" "$work/move.cli" reschedule
envelope "$work/replan.json" 2026-11-23T11:00 snapshot=$d/reschedule/snapshot.json disruption=$d/reschedule/disruption.json
status=$(post /v1/replans "$work/replan.json" "$work/replan.out"); expect "$status" 200 replan "$work/replan.out"
"$bin" replan --snapshot $d/reschedule/snapshot.json --disruption $d/reschedule/disruption.json --now 2026-11-23T11:00 > "$work/replan.cli"
# A replan's `seconds` is the solve's own time; everything else is the CLI's.
same <(grep -v '"seconds"' "$work/replan.out") <(grep -v '"seconds"' "$work/replan.cli") replan
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); json.dump(r["scenario"], open(sys.argv[2],"w")); json.dump(r["plan"], open(sys.argv[3],"w"))' \
    "$work/replan.out" "$work/replan-scenario.json" "$work/replan-plan.json"
"$bin" verify "$work/replan-scenario.json" "$work/replan-plan.json" > /dev/null || fail "the replan's plan does not verify"

# 4. The board, as JSON and as the page.
envelope "$work/board.json" 2026-03-02T09:15 snapshot=$d/board/snapshot.json caller=$d/board/advisor.json
status=$(post /v1/boards "$work/board.json" "$work/board.out"); expect "$status" 200 board "$work/board.out"
"$bin" board --snapshot $d/board/snapshot.json --caller $d/board/advisor.json --now 2026-03-02T09:15 --format json > "$work/board.cli"
same "$work/board.out" "$work/board.cli" "board json"
status=$(post /v1/boards "$work/board.json" "$work/board.html" -H 'Accept: text/html'); expect "$status" 200 "board html" "$work/board.html"
"$bin" board --snapshot $d/board/snapshot.json --caller $d/board/advisor.json --now 2026-03-02T09:15 --format html > "$work/board.cli.html"
same "$work/board.html" "$work/board.cli.html" "board html"

# 5. Validate, solve (the plan passes `shopsched verify`), verify and diff.
scenario=$d/contract/example.scenario.json
envelope "$work/validate.json" "" scenario=$scenario
status=$(post /v1/scenarios:validate "$work/validate.json" "$work/validate.out"); expect "$status" 200 validate "$work/validate.out"
printf '{"scenario": %s, "timeLimitSeconds": 5}' "$(cat $scenario)" > "$work/solve.json"
status=$(post /v1/solve "$work/solve.json" "$work/solution.json"); expect "$status" 200 solve "$work/solution.json"
"$bin" verify $scenario "$work/solution.json" > /dev/null || fail "the solved plan does not verify"
envelope "$work/verify.json" "" scenario=$scenario solution="$work/solution.json"
status=$(post /v1/plans:verify "$work/verify.json" "$work/verify.out"); expect "$status" 200 verify "$work/verify.out"
grep -q '"feasible" : true' "$work/verify.out" || fail "plans:verify does not call the solved plan feasible"
envelope "$work/diff.json" "" a=$d/contract/example.solution.json b="$work/solution.json"
status=$(post /v1/plans:diff "$work/diff.json" "$work/diff.out"); expect "$status" 200 diff "$work/diff.out"
"$bin" diff $d/contract/example.solution.json "$work/solution.json" > "$work/diff.cli"
same "$work/diff.out" "$work/diff.cli" diff

# 6. Bad input is a 400 listing every problem; a body over --max-body is a 413; too long a solve, a 400.
printf '{"snapshot": {"format": "shopsched.booking-snapshot/1"}, "request": {"requestId": 7}, "now": "soon", "extra": 1}' > "$work/bad.json"
status=$(post /v1/bookings:decide "$work/bad.json" "$work/bad.out"); expect "$status" 400 "bad input" "$work/bad.out"
for path in '"path" : "extra"' '"path" : "now"' '"path" : "request.requestId"' '"path" : "snapshot.'; do
    grep -q "$path" "$work/bad.out" || fail "bad input: no problem at $path"
done
head -c 4000001 /dev/zero | tr '\0' ' ' > "$work/big.json"
status=$(post /v1/solve "$work/big.json" "$work/big.out"); expect "$status" 413 "body too large" "$work/big.out"
printf '{"scenario": %s, "timeLimitSeconds": 3600}' "$(cat $scenario)" > "$work/long.json"
status=$(post /v1/solve "$work/long.json" "$work/long.out"); expect "$status" 400 "time limit over the cap" "$work/long.out"

# 7. The Java client books the example request.
if command -v java > /dev/null; then
    SHOPSCHED_API_KEY="$key" java examples/java/BookAppointment.java "$base" > "$work/java.out" 2> "$work/java.err" \
        || fail "the Java client: $(cat "$work/java.err")"
    "$bin" book --snapshot $d/booking/snapshot.json --request $d/booking/request-created.json --now 2026-11-23T07:30 > "$work/book.cli"
    same "$work/java.out" "$work/book.cli" "the Java client's decision"
    echo "serve-ci: the Java client booked the example request"
else
    echo "serve-ci: no java here; the Java client was not run"
fi

# 8. Metrics count what happened; every log line of a request names its request id.
curl -sS "$base/metrics" > "$work/metrics"
grep -q 'shopsched_http_requests_total{route="/v1/bookings:decide",method="POST",status="401"} 2' "$work/metrics" || fail "metrics: the two 401s are not counted"
grep -q 'shopsched_http_request_duration_seconds_count{route="/v1/solve"}' "$work/metrics" || fail "metrics: no latency of /v1/solve"
if grep 'answered' "$work/server.log" | grep -vq 'request_id='; then fail "a request's log line has no request id"; fi

# 9. SIGTERM: a graceful stop, exit status 0.
kill -TERM "$server"
for _ in $(seq 1 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server" 2>/dev/null && fail "the server did not stop within 10 s of SIGTERM"
wait "$server" && code=0 || code=$?
server=""
[ "$code" = 0 ] || fail "the server exited $code after SIGTERM"
echo "serve-ci: every route answered as the CLI does; stopped cleanly"
