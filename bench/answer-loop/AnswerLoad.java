/*
 * AnswerLoad — the load generator of the answer-loop benchmark (bench/README.md, "Answer loop").
 *
 * Signs in N students (registering and verifying them first, with the verification token read
 * from the app's log, or reusing the accounts of an earlier run from --accounts), starts an
 * ADAPTIVE session for each, and answers the current item of each session over HTTP, as a client
 * would: one student answers sequentially (its session accepts only its current item), so
 * concurrency comes from many students.
 *
 *   closed loop (no --rate): every student answers as fast as it can; gives the sustained rate.
 *   open loop (--rate R):    answers arrive at R per second on a fixed schedule, each one handed
 *                            to an idle student; latency counts from the intended send time, so a
 *                            stall is not hidden by the generator waiting (no coordinated omission).
 *
 * Run with the JDK 25 source launcher, no dependencies:
 *
 *   java bench/answer-loop/AnswerLoad.java --base-url http://localhost:8080 --log app.log \
 *       --students 128 --warmup 15 --duration 60 [--rate 800] [--acks acks.tsv] \
 *       [--accounts accounts.tsv] [--answers-per-session 20]
 *
 * and, for the crash check, to retry acknowledged answers and compare the bodies:
 *
 *   java bench/answer-loop/AnswerLoad.java --base-url URL --retry-acks acks.tsv --sample 200
 *
 * Output: answers/s over the measured window, latency p50/p95/p99/max in ms (answers answered
 * 200), and the counts of 200, non-200, transport errors and UNREADABLE outcomes. The run ends by
 * itself after --warmup + --duration seconds (plus at most --drain seconds for answers in flight).
 */

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

public class AnswerLoad {

    static final String PASSWORD = "a long enough passphrase for the bench";

    // ---------------------------------------------------------------- options

    static final class Options {
        String baseUrl = "http://localhost:8080";
        int students = 64;
        Path log;
        double duration = 60;
        double warmup = 10;
        double rate = 0; // 0: closed loop
        Path acks;
        Path accounts;
        int answersPerSession = 20; // 0: one session per student for the whole run
        int setupConcurrency = 4; // Argon2id costs 19 MiB per hash: keep the app within -Xmx512m
        double drain = 10;
        String courseFilter = null; // substring of a course title; default: every course but essay-only ones
        Path retryAcks;
        int sample = 200;
        long seed = 1;
        String cpuPids = null; // "app=PID,pg=POSTMASTER_PID": CPU seconds of these over the measured window

        static Options parse(String[] args) {
            var o = new Options();
            for (int i = 0; i < args.length; i++) {
                var a = args[i];
                var v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--base-url" -> { o.baseUrl = strip(v); i++; }
                    case "--students" -> { o.students = Integer.parseInt(v); i++; }
                    case "--log" -> { o.log = Path.of(v); i++; }
                    case "--duration" -> { o.duration = Double.parseDouble(v); i++; }
                    case "--warmup" -> { o.warmup = Double.parseDouble(v); i++; }
                    case "--rate" -> { o.rate = Double.parseDouble(v); i++; }
                    case "--acks" -> { o.acks = Path.of(v); i++; }
                    case "--accounts" -> { o.accounts = Path.of(v); i++; }
                    case "--answers-per-session" -> { o.answersPerSession = Integer.parseInt(v); i++; }
                    case "--setup-concurrency" -> { o.setupConcurrency = Integer.parseInt(v); i++; }
                    case "--drain" -> { o.drain = Double.parseDouble(v); i++; }
                    case "--course" -> { o.courseFilter = v; i++; }
                    case "--retry-acks" -> { o.retryAcks = Path.of(v); i++; }
                    case "--sample" -> { o.sample = Integer.parseInt(v); i++; }
                    case "--seed" -> { o.seed = Long.parseLong(v); i++; }
                    case "--cpu-pids" -> { o.cpuPids = v; i++; }
                    case "-h", "--help" -> { usage(); System.exit(0); }
                    default -> { System.err.println("unknown option " + a); usage(); System.exit(2); }
                }
            }
            return o;
        }

        static String strip(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        static void usage() {
            System.err.println("""
                    usage: java AnswerLoad.java --base-url URL [--students N] [--log APP_LOG] [--accounts FILE]
                               [--warmup S] [--duration S] [--rate R] [--acks FILE] [--answers-per-session N]
                               [--setup-concurrency N] [--drain S] [--course TITLE_PART]
                               [--cpu-pids app=PID,pg=POSTMASTER_PID]
                           java AnswerLoad.java --base-url URL --retry-acks ACKS [--sample N] [--seed N]""");
        }
    }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        var o = Options.parse(args);
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        var api = new Api(http, o.baseUrl);
        int code = o.retryAcks != null ? retryAcks(o, api) : load(o, api);
        System.exit(code);
    }

    // ---------------------------------------------------------------- the load

    static int load(Options o, Api api) throws Exception {
        var setupStart = System.nanoTime();
        var students = signIn(o, api);
        var courses = courses(o, api, students.getFirst());
        System.out.printf("setup: %d students signed in, courses %s (%.1f s)%n",
                students.size(), courses.values(), (System.nanoTime() - setupStart) / 1e9);
        for (int i = 0; i < students.size(); i++) {
            students.get(i).courseId = new ArrayList<>(courses.keySet()).get(i % courses.size());
        }
        // Every student starts its session before the clock starts.
        runAll(students, 16, s -> s.startSession());

        var stats = new Stats();
        var acks = o.acks == null ? null : new AckWriter(o.acks);
        var run = new Run(o, stats, acks);
        students.forEach(s -> s.run = run);
        var progress = Thread.ofPlatform().daemon().start(() -> progress(run));
        long t0 = System.nanoTime();
        run.t0 = t0;
        run.measureFrom = t0 + (long) (o.warmup * 1e9);
        run.measureTo = run.measureFrom + (long) (o.duration * 1e9);
        var cpu0 = cpuNanos();
        var window = new CpuWindow(o.cpuPids);
        var windowThread = Thread.ofVirtual().start(() -> {
            try {
                sleepUntil(run.measureFrom);
                window.begin();
                sleepUntil(run.measureTo);
                window.end();
            } catch (InterruptedException e) {
                // not measured
            }
        });
        String mode;
        if (o.rate > 0) {
            mode = String.format("open loop at %.0f answers/s", o.rate);
            openLoop(o, students, run);
        } else {
            mode = "closed loop";
            closedLoop(o, students, run);
        }
        windowThread.join(Duration.ofSeconds(5)); // an open loop can return just before the window closes
        var cpu1 = cpuNanos();
        progress.interrupt();
        if (acks != null) {
            acks.close();
        }
        stats.print(mode, students.size(), o, (cpu1 - cpu0) / 1e9, (System.nanoTime() - t0) / 1e9);
        window.print(stats.ok.get());
        return 0;
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    /**
     * CPU over the measured window, from /proc: the machine's busy share (all processes, other
     * builds included), the load average, and the CPU seconds of the given processes — for
     * {@code pg}, the postmaster, its live children and those it has reaped.
     */
    static final class CpuWindow {
        private final Map<String, Long> pids = new LinkedHashMap<>();
        private long[] machine0;
        private final Map<String, Long> ticks0 = new LinkedHashMap<>();
        private long own0;
        private long t0;
        private String load0;
        private volatile String result;
        private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();

        CpuWindow(String spec) {
            if (spec != null && !spec.isBlank()) {
                for (var part : spec.split(",")) {
                    var kv = part.split("=");
                    pids.put(kv[0], Long.parseLong(kv[1]));
                }
            }
        }

        void begin() {
            machine0 = machine();
            pids.forEach((name, pid) -> ticks0.put(name, ticks(name, pid)));
            own0 = cpuNanos();
            t0 = System.nanoTime();
            load0 = loadavg();
        }

        void end() {
            if (machine0 == null) {
                return;
            }
            var m1 = machine();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long busy = m1[0] - machine0[0];
            long total = m1[1] - machine0[1];
            var b = new StringBuilder();
            b.append(String.format("cpu in the measured window (%d cores): machine busy %.0f%%", cores(),
                    total == 0 ? 0.0 : 100.0 * busy / total));
            pids.forEach((name, pid) -> {
                double used = (ticks(name, pid) - ticks0.get(name)) / 100.0;
                cpuSeconds.put(name, used);
                b.append(String.format(", %s %.1f s", name, used));
            });
            b.append(String.format(", generator %.1f s, over %.1f s; load average %s at start, %s at end",
                    (cpuNanos() - own0) / 1e9, seconds, load0, loadavg()));
            result = b.toString();
        }

        void print(long answers) {
            if (result != null) {
                System.out.println(result);
                if (answers > 0 && !cpuSeconds.isEmpty()) {
                    var b = new StringBuilder("cpu ms per answer:");
                    cpuSeconds.forEach((name, used) -> b.append(String.format(" %s=%.2f", name, used * 1000 / answers)));
                    System.out.println(b);
                }
            }
        }

        static int cores() {
            return Runtime.getRuntime().availableProcessors();
        }

        static String loadavg() {
            try {
                var f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException e) {
                return "?";
            }
        }

        /** busy and total jiffies of the whole machine. */
        static long[] machine() {
            try {
                var f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long total = 0;
                for (int k = 1; k < f.length; k++) {
                    total += Long.parseLong(f[k]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        /** Clock ticks (USER_HZ, 100 a second on Linux) of a process; with its reaped children for pg. */
        static long ticks(String name, long pid) {
            long t = stat(pid, name.equals("pg"));
            if (name.equals("pg")) {
                var ph = ProcessHandle.of(pid);
                if (ph.isPresent()) {
                    for (var c : ph.get().children().toList()) {
                        t += stat(c.pid(), false);
                    }
                }
            }
            return t;
        }

        static long stat(long pid, boolean withChildren) {
            try {
                var s = Files.readString(Path.of("/proc/" + pid + "/stat"));
                var f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                // fields 14..17 of proc(5), counted from the state field (3)
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (withChildren) {
                    t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
                return t;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean b ? b.getProcessCpuTime() : 0;
    }

    static void progress(Run run) {
        long last = 0;
        long lastT = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(5000);
                long now = System.nanoTime();
                long n = run.stats.all200.get();
                System.err.printf("  t=%5.1fs  %7.1f answers/s (200s, last 5 s)  non-200=%d errors=%d%n",
                        (now - run.t0) / 1e9, (n - last) / ((now - lastT) / 1e9),
                        run.stats.non200.get(), run.stats.errors.get());
                last = n;
                lastT = now;
            }
        } catch (InterruptedException e) {
            // done
        }
    }

    static void closedLoop(Options o, List<Student> students, Run run) throws InterruptedException {
        var end = run.measureTo;
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var s : students) {
                exec.submit(() -> {
                    while (System.nanoTime() < end) {
                        s.answerOnce(System.nanoTime());
                    }
                    return null;
                });
            }
            exec.shutdown();
            if (!exec.awaitTermination((long) ((o.warmup + o.duration + o.drain + 60) * 1000), TimeUnit.MILLISECONDS)) {
                System.err.println("some students did not stop in time");
                exec.shutdownNow();
            }
        }
    }

    /**
     * Arrivals at a fixed rate: arrival k is due at t0 + k / rate. The dispatcher hands it to an
     * idle student, waiting for one if all are busy, which then counts in the latency since it is
     * measured from the due time. When the app cannot keep up, arrivals pile up: those still not
     * sent when the window closes are counted as missed, each with a latency of at least the time
     * from its due time to the window's end (a lower bound, so that p99 cannot look better than
     * it was).
     */
    static void openLoop(Options o, List<Student> students, Run run) throws InterruptedException {
        var idle = new LinkedBlockingQueue<Student>(students);
        var end = run.measureTo;
        long interval = (long) (1e9 / o.rate);
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long k = 0; ; k++) {
                long due = run.t0 + k * interval;
                if (due >= end) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                var s = idle.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (s == null) {
                    long closed = System.nanoTime();
                    for (long j = k; run.t0 + j * interval < end; j++) {
                        long dueJ = run.t0 + j * interval;
                        if (run.measured(dueJ)) {
                            run.stats.missed.incrementAndGet();
                            run.stats.latency(closed - dueJ);
                        }
                    }
                    break;
                }
                exec.submit(() -> {
                    try {
                        s.answerOnce(due);
                    } catch (InterruptedException e) {
                        if (run.measured(due)) { // cut off by the drain time: a lower bound too
                            run.stats.missed.incrementAndGet();
                            run.stats.latency(System.nanoTime() - due);
                        }
                    } finally {
                        idle.add(s);
                    }
                    return null;
                });
            }
            exec.shutdown();
            if (!exec.awaitTermination((long) (o.drain * 1000), TimeUnit.MILLISECONDS)) {
                System.err.println("answers still in flight after the drain time: counted as missed");
                exec.shutdownNow();
            }
        }
    }

    /** What all students of a run share. */
    static final class Run {
        final Options o;
        final Stats stats;
        final AckWriter acks;
        volatile long t0;
        volatile long measureFrom;
        volatile long measureTo;
        final AtomicBoolean reported = new AtomicBoolean();

        Run(Options o, Stats stats, AckWriter acks) {
            this.o = o;
            this.stats = stats;
            this.acks = acks;
        }

        boolean measured(long at) {
            return at >= measureFrom && at < measureTo;
        }

        boolean over() {
            return System.nanoTime() >= measureTo + (long) (o.drain * 1e9);
        }
    }

    // ---------------------------------------------------------------- a student

    static final class Student {
        final Api api;
        final String email;
        String accessToken;
        String courseId;
        Run run;
        String sessionId;
        Map<String, Object> item; // the current item
        int answeredInSession;

        Student(Api api, String email) {
            this.api = api;
            this.email = email;
        }

        void login() throws IOException, InterruptedException {
            var r = api.post("/api/v1/auth/login", Json.write(Map.of("email", email, "password", PASSWORD)), null);
            if (r.statusCode() != 200) {
                throw new IOException("login of " + email + ": " + r.statusCode() + " " + r.body());
            }
            accessToken = (String) Json.obj(r.body()).get("accessToken");
        }

        void startSession() throws IOException, InterruptedException {
            for (int tries = 0; ; tries++) {
                var r = api.post("/api/v1/practice/sessions",
                        Json.write(Map.of("mode", "ADAPTIVE", "courseId", courseId)), accessToken);
                if (r.statusCode() == 401 && tries < 3) {
                    login();
                    continue;
                }
                if (r.statusCode() != 201) {
                    throw new IOException("start of a session for " + email + ": " + r.statusCode() + " " + r.body());
                }
                var body = Json.obj(r.body());
                sessionId = (String) body.get("sessionId");
                item = Json.map(body.get("nextItem"));
                answeredInSession = 0;
                return;
            }
        }

        /**
         * Answers the current item once (retrying the same idempotency key on a transport error or
         * an expired token, as a client would) and records the outcome against {@code due}.
         */
        void answerOnce(long due) throws InterruptedException {
            var stats = run.stats;
            try {
                if (sessionId == null || item == null) {
                    startSession();
                }
            } catch (IOException e) {
                stats.errors.incrementAndGet();
                stats.sample("start: " + e.getMessage());
                Thread.sleep(200);
                return;
            }
            var itemId = (String) item.get("itemId");
            var response = responseFor(item);
            var key = UUID.randomUUID().toString();
            var body = new LinkedHashMap<String, Object>();
            body.put("itemId", itemId);
            body.put("response", response);
            body.put("idempotencyKey", key);
            body.put("elapsedMs", 5000);
            var json = Json.write(body);
            var path = "/api/v1/practice/sessions/" + sessionId + "/answers";
            boolean relogged = false;
            while (true) {
                long sent = System.nanoTime();
                HttpResponse<String> r;
                try {
                    r = api.post(path, json, accessToken);
                } catch (IOException e) {
                    stats.errors.incrementAndGet();
                    stats.sample("answer: " + e);
                    if (run.over()) {
                        return;
                    }
                    Thread.sleep(100);
                    continue; // the same key: recorded at most once
                }
                long done = System.nanoTime();
                if (r.statusCode() == 401 && !relogged) {
                    relogged = true;
                    try {
                        login();
                    } catch (IOException e) {
                        stats.errors.incrementAndGet();
                        return;
                    }
                    continue;
                }
                boolean measured = run.measured(run.o.rate > 0 ? due : done);
                if (r.statusCode() != 200) {
                    stats.non200.incrementAndGet();
                    stats.sample(r.statusCode() + " " + r.body());
                    sessionId = null; // start afresh
                    return;
                }
                stats.all200.incrementAndGet();
                var result = Json.obj(r.body());
                boolean recorded = Boolean.TRUE.equals(result.get("recorded"));
                if (measured) {
                    stats.ok.incrementAndGet();
                    stats.latency(done - (run.o.rate > 0 ? due : sent));
                    if (!recorded) {
                        stats.unreadable.incrementAndGet();
                    }
                }
                if (!recorded) {
                    stats.unreadableAll.incrementAndGet();
                    // The item stays open; leave the session so as not to loop on it.
                    sessionId = null;
                    return;
                }
                if (run.acks != null) {
                    run.acks.write(sessionId, itemId, key, email, ((Number) result.get("answers")).intValue(),
                            Json.write(response), sha256(r.body()));
                }
                answeredInSession++;
                item = Json.map(result.get("nextItem"));
                if (item == null || (run.o.answersPerSession > 0 && answeredInSession >= run.o.answersPerSession)) {
                    sessionId = null; // the next call starts a new one (outside the answer's latency)
                    if (run.o.rate > 0 && !run.over()) {
                        try {
                            startSession();
                        } catch (IOException e) {
                            stats.errors.incrementAndGet();
                        }
                    }
                }
                return;
            }
        }
    }

    /** A readable response of the item's type: the benchmark measures the loop, not the student. */
    static Object responseFor(Map<String, Object> item) {
        var type = (String) item.get("type");
        var choices = Json.list(item.get("choices"));
        var ids = new ArrayList<Object>();
        if (choices != null) {
            for (var c : choices) {
                ids.add(Json.map(c).get("id"));
            }
        }
        return switch (type) {
            case "SINGLE_CHOICE" -> ids.get(ThreadLocalRandomHolder.next(ids.size()));
            case "MULTIPLE_CHOICE" -> List.of(ids.get(ThreadLocalRandomHolder.next(ids.size())));
            case "ORDERING" -> ids;
            case "NUMERIC", "EXPRESSION" -> "1";
            case "ESSAY" -> "A short essay of a few words for the benchmark.";
            default -> "a";
        };
    }

    static final class ThreadLocalRandomHolder {
        static int next(int n) {
            return java.util.concurrent.ThreadLocalRandom.current().nextInt(n);
        }
    }

    // ---------------------------------------------------------------- accounts

    static List<Student> signIn(Options o, Api api) throws Exception {
        var emails = new ArrayList<String>();
        if (o.accounts != null && Files.exists(o.accounts)) {
            for (var line : Files.readAllLines(o.accounts)) {
                if (!line.isBlank() && emails.size() < o.students) {
                    emails.add(line.trim());
                }
            }
        }
        var known = emails.size();
        var tag = Long.toHexString(System.currentTimeMillis()) + "-" + Integer.toHexString(new Random().nextInt(1 << 16));
        for (int i = known; i < o.students; i++) {
            emails.add("bench-" + tag + "-" + i + "@bench.example.org");
        }
        if (known < o.students && o.log == null) {
            throw new IllegalArgumentException("--log APP_LOG is needed to verify new accounts");
        }
        var mails = known < o.students ? new MailTail(o.log) : null;
        var students = new ArrayList<Student>();
        for (var e : emails) {
            students.add(new Student(api, e));
        }
        var fresh = students.subList(known, students.size());
        runAll(fresh, o.setupConcurrency, s -> register(api, mails, s.email));
        if (mails != null) {
            mails.close();
        }
        if (o.accounts != null && known < o.students) {
            Files.write(o.accounts, emails);
        }
        runAll(students, o.setupConcurrency, Student::login);
        return students;
    }

    static void register(Api api, MailTail mails, String email) throws IOException, InterruptedException {
        var r = api.post("/api/v1/auth/register", Json.write(Map.of(
                "email", email, "password", PASSWORD, "displayName", "Bench " + email.substring(6, 14),
                "role", "STUDENT")), null);
        if (r.statusCode() != 201) {
            throw new IOException("registration of " + email + ": " + r.statusCode() + " " + r.body());
        }
        var token = mails.token(email, Duration.ofSeconds(60));
        var v = api.post("/api/v1/auth/verify-email", Json.write(Map.of("token", token)), null);
        if (v.statusCode() != 200) {
            throw new IOException("verification of " + email + ": " + v.statusCode() + " " + v.body());
        }
    }

    /** The verification tokens of the MAIL lines the app's log outbox writes, read as the log grows. */
    static final class MailTail {
        private static final Pattern LINE =
                Pattern.compile("MAIL to=(\\S+) .*?/verify-email\\?token=([A-Za-z0-9_-]+)");
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final Thread reader;

        MailTail(Path log) {
            reader = Thread.ofPlatform().daemon().start(() -> {
                try (var file = new RandomAccessFile(log.toFile(), "r")) {
                    var pending = new StringBuilder();
                    var buffer = new byte[1 << 16];
                    while (!Thread.currentThread().isInterrupted()) {
                        int n = file.read(buffer);
                        if (n <= 0) {
                            Thread.sleep(50);
                            continue;
                        }
                        pending.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        int nl;
                        while ((nl = pending.indexOf("\n")) >= 0) {
                            var line = pending.substring(0, nl);
                            pending.delete(0, nl + 1);
                            var m = LINE.matcher(line);
                            if (m.find()) {
                                tokens.put(m.group(1), m.group(2));
                            }
                        }
                    }
                } catch (IOException e) {
                    System.err.println("cannot read the app's log: " + e);
                } catch (InterruptedException e) {
                    // closed
                }
            });
        }

        String token(String email, Duration timeout) throws IOException, InterruptedException {
            long until = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < until) {
                var t = tokens.get(email);
                if (t != null) {
                    return t;
                }
                Thread.sleep(50);
            }
            throw new IOException("no verification mail to " + email + " in the log");
        }

        void close() {
            reader.interrupt();
        }
    }

    static Map<String, String> courses(Options o, Api api, Student anyone) throws Exception {
        var r = api.get("/api/v1/courses", anyone.accessToken);
        if (r.statusCode() != 200) {
            throw new IOException("courses: " + r.statusCode() + " " + r.body());
        }
        var chosen = new LinkedHashMap<String, String>();
        for (var c : Json.list(Json.parse(r.body()))) {
            var course = Json.map(c);
            var title = (String) course.get("title");
            boolean wanted = o.courseFilter != null ? title.contains(o.courseFilter) : !title.contains("Writing");
            if (wanted) {
                chosen.put((String) course.get("courseId"), title);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no course to practise among " + r.body());
        }
        return chosen;
    }

    interface Task<T> {
        void run(T t) throws Exception;
    }

    static <T> void runAll(List<T> all, int concurrency, Task<T> task) throws Exception {
        var permits = new Semaphore(concurrency);
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var t : all) {
                permits.acquire();
                exec.submit(() -> {
                    try {
                        task.run(t);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    // ---------------------------------------------------------------- the crash check's retries

    /**
     * Re-sends a sample of acknowledged answers with their own idempotency keys: each must come
     * back 200 with the very body acknowledged before (compared by SHA-256).
     */
    static int retryAcks(Options o, Api api) throws Exception {
        var lines = new ArrayList<>(Files.readAllLines(o.retryAcks).stream().filter(l -> !l.isBlank()).toList());
        Collections.shuffle(lines, new Random(o.seed));
        var sample = lines.subList(0, Math.min(o.sample, lines.size()));
        var byEmail = new LinkedHashMap<String, List<String[]>>();
        for (var l : sample) {
            var f = l.split("\t", -1);
            byEmail.computeIfAbsent(f[3], k -> new ArrayList<>()).add(f);
        }
        var same = new AtomicLong();
        var different = new AtomicLong();
        var errors = new AtomicLong();
        runAll(new ArrayList<>(byEmail.keySet()), 4, email -> {
            var s = new Student(api, email);
            s.login();
            for (var f : byEmail.get(email)) {
                var body = "{\"itemId\":" + Json.write(f[1]) + ",\"response\":" + f[5] + ",\"idempotencyKey\":"
                        + Json.write(f[2]) + ",\"elapsedMs\":5000}";
                var r = api.post("/api/v1/practice/sessions/" + f[0] + "/answers", body, s.accessToken);
                if (r.statusCode() != 200) {
                    errors.incrementAndGet();
                    System.err.println("retry of " + f[2] + ": " + r.statusCode() + " " + r.body());
                } else if (sha256(r.body()).equals(f[6])) {
                    same.incrementAndGet();
                } else {
                    different.incrementAndGet();
                    System.err.println("retry of " + f[2] + " gave another body: " + r.body());
                }
            }
        });
        System.out.printf("retried=%d same_body=%d different_body=%d errors=%d%n",
                sample.size(), same.get(), different.get(), errors.get());
        return different.get() == 0 && errors.get() == 0 && same.get() == sample.size() ? 0 : 1;
    }

    // ---------------------------------------------------------------- HTTP

    static final class Api {
        final HttpClient http;
        final String base;

        Api(HttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
            var b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
            var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line per acknowledged answer, tab-separated; flushed every second and at the end. */
    static final class AckWriter {
        private final BufferedWriter out;
        private final Thread flusher;

        AckWriter(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            flusher = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        Thread.sleep(1000);
                        synchronized (this) {
                            out.flush();
                        }
                    }
                } catch (InterruptedException | IOException e) {
                    // closed
                }
            });
        }

        /** sessionId, itemId, idempotencyKey, email, the session's answer count, response JSON, body SHA-256. */
        synchronized void write(String session, String item, String key, String email, int ordinal, String response,
                String bodySha) {
            try {
                out.write(session + "\t" + item + "\t" + key + "\t" + email + "\t" + ordinal + "\t" + response + "\t"
                        + bodySha + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        synchronized void close() throws IOException {
            flusher.interrupt();
            out.close();
        }
    }

    // ---------------------------------------------------------------- statistics

    static final class Stats {
        final AtomicLong ok = new AtomicLong(); // 200 in the measured window
        final AtomicLong all200 = new AtomicLong();
        final AtomicLong non200 = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong unreadable = new AtomicLong(); // in the window
        final AtomicLong unreadableAll = new AtomicLong();
        final AtomicLong missed = new AtomicLong(); // open loop: due in the window, never sent
        private long[] latencies = new long[1 << 16];
        private int count;
        private final Map<String, Integer> samples = new ConcurrentHashMap<>();

        /** A latency in nanoseconds; a lock is cheap at a few thousand answers a second. */
        synchronized void latency(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        void sample(String what) {
            var k = what.length() > 300 ? what.substring(0, 300) : what;
            if (samples.size() < 20 || samples.containsKey(k)) {
                samples.merge(k, 1, Integer::sum);
            }
        }

        void print(String mode, int students, Options o, double cpuSeconds, double elapsed) {
            long[] all;
            synchronized (this) {
                all = Arrays.copyOf(latencies, count);
            }
            Arrays.sort(all);
            System.out.printf("mode: %s, %d students, %.0f s measured after %.0f s warm-up, %s answers per session%n",
                    mode, students, o.duration, o.warmup,
                    o.answersPerSession > 0 ? String.valueOf(o.answersPerSession) : "unlimited");
            System.out.printf("answers/s: %.1f%n", ok.get() / o.duration);
            if (missed.get() > 0) {
                System.out.printf("NOT SUSTAINED: %d of the arrivals due in the window were never sent (every student"
                        + " busy); they count in the latency below as lower bounds%n", missed.get());
            }
            System.out.printf("latency ms: p50=%.2f p95=%.2f p99=%.2f p99.9=%.2f max=%.2f (n=%d)%n",
                    pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), pct(all, 0.999),
                    all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6, all.length);
            System.out.printf("counts: ok200=%d non200=%d errors=%d unreadable=%d (whole run: 200=%d unreadable=%d)%n",
                    ok.get(), non200.get(), errors.get(), unreadable.get(), all200.get(), unreadableAll.get());
            System.out.printf("generator cpu: %.1f s over %.1f s%n", cpuSeconds, elapsed);
            if (!samples.isEmpty()) {
                System.out.println("first failures (count, what):");
                samples.forEach((k, v) -> System.out.println("  " + v + "  " + k));
            }
        }

        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    // ---------------------------------------------------------------- a little JSON

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String s) {
            var j = new Json(s);
            var v = j.value();
            j.ws();
            if (j.i != s.length()) {
                throw new IllegalArgumentException("trailing JSON at " + j.i);
            }
            return v;
        }

        static Map<String, Object> obj(String s) {
            return map(parse(s));
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object o) {
            return (Map<String, Object>) o;
        }

        @SuppressWarnings("unchecked")
        static List<Object> list(Object o) {
            return (List<Object>) o;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    var m = new HashMap<String, Object>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        var k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    var l = new ArrayList<Object>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    i += 4;
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    i += 5;
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    i += 4;
                    return null;
                }
                default -> {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    return Double.parseDouble(s.substring(start, i));
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i + " in " + s);
            }
            i++;
        }

        private String string() {
            expect('"');
            var b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        static String write(Object o) {
            var b = new StringBuilder();
            write(b, o);
            return b.toString();
        }

        private static void write(StringBuilder b, Object o) {
            switch (o) {
                case null -> b.append("null");
                case String str -> {
                    b.append('"');
                    for (int k = 0; k < str.length(); k++) {
                        char c = str.charAt(k);
                        switch (c) {
                            case '"' -> b.append("\\\"");
                            case '\\' -> b.append("\\\\");
                            case '\n' -> b.append("\\n");
                            case '\r' -> b.append("\\r");
                            case '\t' -> b.append("\\t");
                            default -> {
                                if (c < 0x20) {
                                    b.append(String.format("\\u%04x", (int) c));
                                } else {
                                    b.append(c);
                                }
                            }
                        }
                    }
                    b.append('"');
                }
                case Number n -> b.append(n);
                case Boolean bool -> b.append(bool);
                case Map<?, ?> m -> {
                    b.append('{');
                    boolean first = true;
                    for (var e : m.entrySet()) {
                        if (!first) {
                            b.append(',');
                        }
                        first = false;
                        write(b, String.valueOf(e.getKey()));
                        b.append(':');
                        write(b, e.getValue());
                    }
                    b.append('}');
                }
                case List<?> l -> {
                    b.append('[');
                    for (int k = 0; k < l.size(); k++) {
                        if (k > 0) {
                            b.append(',');
                        }
                        write(b, l.get(k));
                    }
                    b.append(']');
                }
                default -> write(b, o.toString());
            }
        }
    }
}
