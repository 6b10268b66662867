-- POST /api/posts/{id}/shares as one employee; each request records a share (no Idempotency-Key).
wrk.method = "POST"
wrk.body = '{"network":"LINKEDIN"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
