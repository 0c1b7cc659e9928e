/*
 * A plain C implementation of the engine's Monte Carlo core (models/coverage/trials.ts and what it
 * calls), for `npm run bench` only: the same per-unit streams (splitmix64 folds of (seed, trial,
 * deployment, unit) into xoshiro128**), the same failure / repair / refuel event sampling and
 * line outages, the same difference array over touched hours (a bitmap), the same storage dispatch and the
 * same coverage accounting (demand segment tree, histograms), in the same floating-point order,
 * so its per-trial sums and histograms equal the JS engine's bit for bit. Backup dispatch and the
 * connected grid are not ported (the bench's shapes run islanded with backup off).
 *
 * Usage: trials PLAN.bin REPEATS OUT.bin
 * Reads the plan written by tests/bench/kernel/plan-file.ts, runs all trials REPEATS times, prints
 * each run's milliseconds on one line, and writes the last run's results to OUT.bin.
 * Build: gcc -O2 -ffp-contract=off -o trials trials.c -lm
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOURS 8760
#define TOL 1e-6
#define GRID_SLACK 1e-9
#define LEAF_SPAN 8
#define STORAGE_SLOT_LIMIT 65536u
#define SPECIAL_DEPLOYMENT 4096u
#define LINE_STREAM_UNIT 1000u

/* ---- fdlibm __ieee754_log (what V8's Math.log runs: src/base/ieee754.cc), bit for bit ---- */
static const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10,
                    two54 = 1.80143985094819840000e+16, Lg1 = 6.666666666666735130e-01,
                    Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
                    Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01,
                    Lg6 = 1.531383769920937332e-01, Lg7 = 1.479819860511658591e-01;

static double fd_log(double x) {
  double hfsq, f, s, z, R, w, t1, t2, dk;
  int32_t k, hx, i, j;
  uint32_t lx;
  uint64_t bits;
  memcpy(&bits, &x, 8);
  hx = (int32_t)(bits >> 32);
  lx = (uint32_t)bits;
  k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) == 0) return -two54 / 0.0;
    if (hx < 0) return (x - x) / 0.0;
    k -= 54;
    x *= two54;
    memcpy(&bits, &x, 8);
    hx = (int32_t)(bits >> 32);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  i = (hx + 0x95f64) & 0x100000;
  memcpy(&bits, &x, 8);
  bits = ((uint64_t)(uint32_t)(hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffu);
  memcpy(&x, &bits, 8);
  k += (i >> 20);
  f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0.0) {
      if (k == 0) return 0.0;
      dk = (double)k;
      return dk * ln2_hi + dk * ln2_lo;
    }
    R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k == 0) return f - R;
    dk = (double)k;
    return dk * ln2_hi - ((R - dk * ln2_lo) - f);
  }
  s = f / (2.0 + f);
  dk = (double)k;
  z = s * s;
  i = hx - 0x6147a;
  w = z * z;
  j = 0x6b851 - hx;
  t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  R = t2 + t1;
  if (i > 0) {
    hfsq = 0.5 * f * f;
    if (k == 0) return f - (hfsq - s * (hfsq + R));
    return dk * ln2_hi - ((hfsq - (s * (hfsq + R) + dk * ln2_lo)) - f);
  }
  if (k == 0) return f - s * (f - R);
  return dk * ln2_hi - ((s * (f - R) - dk * ln2_lo) - f);
}

/* JS Math.round (half up), as V8 does it: ceil, then down one if that went more than half. */
static inline double js_round(double x) {
  double r = ceil(x);
  return r - 0.5 > x ? r - 1.0 : r;
}

/* ---- streams (models/rng.ts, models/supply/streams.ts) ---- */
#define GAMMA 0x9e3779b97f4a7c15ull
static inline uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
/* splitmix64(prefix ^ key).value */
static inline uint64_t fold(uint64_t prefix, uint64_t key) { return mix64((prefix ^ key) + GAMMA); }

typedef struct {
  uint32_t s0, s1, s2, s3;
} Rng;

static inline void stream_from(Rng *r, uint64_t prefix, uint64_t unit) {
  uint64_t derived = fold(prefix, unit);
  uint64_t first = mix64(derived + GAMMA);
  uint64_t second = mix64(derived + 2 * GAMMA);
  r->s0 = (uint32_t)first;
  r->s1 = (uint32_t)(first >> 32);
  r->s2 = (uint32_t)second;
  r->s3 = (uint32_t)(second >> 32);
  if ((r->s0 | r->s1 | r->s2 | r->s3) == 0) r->s0 = 1;
}

static inline uint32_t next_u32(Rng *r) {
  uint32_t s1x5 = r->s1 * 5u;
  uint32_t result = ((s1x5 << 7) | (s1x5 >> 25)) * 9u;
  uint32_t t = r->s1 << 9;
  r->s2 ^= r->s0;
  r->s3 ^= r->s1;
  r->s1 ^= r->s2;
  r->s0 ^= r->s3;
  r->s2 ^= t;
  r->s3 = (r->s3 << 11) | (r->s3 >> 21);
  return result;
}
static inline double uniform(Rng *r) { return next_u32(r) / 4294967296.0; }
static inline double exponential(Rng *r, double mean) { return -mean * fd_log(1.0 - uniform(r)); }

/* ---- the plan (tests/bench/kernel/plan-file.ts writes it: float64 little-endian) ---- */
typedef struct {
  int seed, trials, period, D, n, S, plannedLen;
  double dBin, sBin;
  int dBins, sBins;
  double keepPerHour;
  double *demand, *keepAfter;
  int *dep, *unit, *plannedFrom, *slot;
  double *netMw, *delivMw, *forRate, *mttf, *mttr, *planned;
  double *cap, *dmax, *cmax, *lkeep;
  int *hasLine, *paths;
  double *lMttf, *lCommon, *lMttr;
} Plan;

static FILE *in;
static double rd(void) {
  double v;
  if (fread(&v, 8, 1, in) != 1) {
    fprintf(stderr, "plan file too short\n");
    exit(2);
  }
  return v;
}
static double *rdv(int n) {
  double *v = malloc(sizeof(double) * (n > 0 ? n : 1));
  for (int i = 0; i < n; i++) v[i] = rd();
  return v;
}
static int *rdi(int n) {
  int *v = malloc(sizeof(int) * (n > 0 ? n : 1));
  for (int i = 0; i < n; i++) v[i] = (int)rd();
  return v;
}

/* ---- growable lists ---- */
typedef struct {
  uint32_t *v;
  int len, cap;
} U32List;
static inline void push32(U32List *l, uint32_t x) {
  if (l->len == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 256;
    l->v = realloc(l->v, sizeof(uint32_t) * l->cap);
  }
  l->v[l->len++] = x;
}
typedef struct {
  double *v;
  int len, cap;
} DList;
static inline void pushd(DList *l, double x) {
  if (l->len == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 64;
    l->v = realloc(l->v, sizeof(double) * l->cap);
  }
  l->v[l->len++] = x;
}

/* Sorts 32-bit keys (storage events) as models/coverage/radix-sort.ts does: insertion sort when
 * short, else LSD radix in as few passes of up to 8 bits as the largest key needs. */
static uint32_t *radix_tmp;
static int radix_cap;
static void sort_u32(uint32_t *v, int n) {
  if (n <= 48) {
    for (int i = 1; i < n; i++) {
      uint32_t x = v[i];
      int j = i - 1;
      while (j >= 0 && v[j] > x) {
        v[j + 1] = v[j];
        j--;
      }
      v[j + 1] = x;
    }
    return;
  }
  if (n > radix_cap) {
    radix_cap = 2 * n;
    radix_tmp = realloc(radix_tmp, sizeof(uint32_t) * radix_cap);
  }
  uint32_t max = 0;
  for (int i = 0; i < n; i++)
    if (v[i] > max) max = v[i];
  int bits = 1;
  while (bits < 32 && (max >> bits) > 0) bits++;
  int passes = (bits + 7) / 8;
  int width = (bits + passes - 1) / passes;
  uint32_t mask = (1u << width) - 1;
  uint32_t *a = v, *b = radix_tmp;
  int count[258];
  for (int pass = 0, shift = 0; pass < passes; pass++, shift += width) {
    memset(count, 0, sizeof(int) * (mask + 2));
    for (int i = 0; i < n; i++) count[((a[i] >> shift) & mask) + 1]++;
    for (uint32_t i = 0; i <= mask; i++) count[i + 1] += count[i];
    for (int i = 0; i < n; i++) b[count[(a[i] >> shift) & mask]++] = a[i];
    uint32_t *t = a;
    a = b;
    b = t;
  }
  if (a != v) memcpy(v, a, sizeof(uint32_t) * n);
}

/* ---- the scorer (models/coverage/scorer.ts), dispatch off and no trace ---- */
static inline int upper_bin(double v, double inv, int last) {
  int bin = (int)ceil(v * inv - GRID_SLACK) - 1;
  return bin < 0 ? 0 : bin > last ? last : bin;
}

/* ---- models/coverage/short-levels.ts: counts of stretches short throughout, per chunk ---- */
#define MIN_DEFERRED_HOURS 32
#define MAX_STORED_ENDS (1 << 18)
typedef struct {
  double mw;
  int *ends;
  int len, cap, hours, first, last;
} Level;
typedef struct {
  const double *demand;
  double inv;
  int lastBin;
  Level *lv;
  int n, cap;
  int *table; /* open addressing on mw's bits: level index + 1, 0 empty */
  int tableBits;
  int recent, stored;
  int cover[HOURS + 1];
  int openA, openB;
  double openMw;
} Deferred;

static inline unsigned level_hash(double mw, int bits) {
  uint64_t u;
  memcpy(&u, &mw, 8);
  if (mw == 0) u = 0; /* +0 and -0 are one key, as in a JS Map */
  return (unsigned)((u * GAMMA) >> (64 - bits));
}

static void deferred_init(Deferred *f, const double *demand, double inv, int lastBin) {
  memset(f, 0, sizeof(*f));
  f->demand = demand;
  f->inv = inv;
  f->lastBin = lastBin;
  f->tableBits = 6;
  f->table = calloc(1u << f->tableBits, sizeof(int));
  f->recent = -1;
}

static void count_hours(Deferred *f, double *counts, int a, int b, double mw) {
  for (int t = a; t < b; t++) counts[upper_bin(f->demand[t] - mw, f->inv, f->lastBin)] += 1;
}

static void count_level(Deferred *f, double *counts, Level *L) {
  if (L->hours <= L->last - L->first + L->len) {
    for (int k = 0; k < L->len; k += 2) count_hours(f, counts, L->ends[k], L->ends[k + 1], L->mw);
    return;
  }
  for (int k = 0; k < L->len; k += 2) {
    f->cover[L->ends[k]] += 1;
    f->cover[L->ends[k + 1]] -= 1;
  }
  int depth = 0;
  for (int t = L->first; t < L->last; t++) {
    depth += f->cover[t];
    f->cover[t] = 0;
    if (depth > 0) counts[upper_bin(f->demand[t] - L->mw, f->inv, f->lastBin)] += depth;
  }
  f->cover[L->last] = 0;
}

static void deferred_close(Deferred *f, double *counts);
static void deferred_flush(Deferred *f, double *counts) {
  deferred_close(f, counts);
  for (int i = 0; i < f->n; i++) {
    count_level(f, counts, &f->lv[i]);
    free(f->lv[i].ends);
  }
  f->n = 0;
  memset(f->table, 0, sizeof(int) << f->tableBits);
  f->recent = -1;
  f->stored = 0;
}

static int level_of(Deferred *f, double mw) {
  if (2 * (f->n + 1) > (1 << f->tableBits)) {
    f->tableBits++;
    free(f->table);
    f->table = calloc(1u << f->tableBits, sizeof(int));
    for (int i = 0; i < f->n; i++) {
      unsigned h = level_hash(f->lv[i].mw, f->tableBits), mask = (1u << f->tableBits) - 1;
      while (f->table[h]) h = (h + 1) & mask;
      f->table[h] = i + 1;
    }
  }
  unsigned mask = (1u << f->tableBits) - 1, h = level_hash(mw, f->tableBits);
  for (; f->table[h]; h = (h + 1) & mask)
    if (f->lv[f->table[h] - 1].mw == mw) return f->table[h] - 1;
  if (f->n == f->cap) {
    f->cap = f->cap ? 2 * f->cap : 16;
    f->lv = realloc(f->lv, sizeof(Level) * (size_t)f->cap);
  }
  Level *L = &f->lv[f->n];
  L->mw = mw;
  L->cap = 16;
  L->ends = malloc(sizeof(int) * 16);
  L->len = L->hours = L->last = 0;
  L->first = HOURS;
  f->table[h] = f->n + 1;
  return f->n++;
}

static void deferred_close(Deferred *f, double *counts) {
  int a = f->openA, b = f->openB;
  if (b <= a) return;
  f->openA = f->openB = 0;
  double mw = f->openMw;
  if (b - a < MIN_DEFERRED_HOURS) {
    count_hours(f, counts, a, b, mw);
    return;
  }
  if (f->recent < 0 || f->lv[f->recent].mw != mw) f->recent = level_of(f, mw);
  Level *L = &f->lv[f->recent];
  if (L->len + 2 > L->cap) {
    L->cap *= 2;
    L->ends = realloc(L->ends, sizeof(int) * (size_t)L->cap);
  }
  L->ends[L->len] = a;
  L->ends[L->len + 1] = b;
  L->len += 2;
  L->hours += b - a;
  if (a < L->first) L->first = a;
  if (b > L->last) L->last = b;
  f->stored += 2;
  if (f->stored >= MAX_STORED_ENDS) deferred_flush(f, counts);
}

static inline void deferred_add(Deferred *f, double *counts, int a, int b, double mw) {
  if (a == f->openB && mw == f->openMw && f->openB > f->openA) {
    f->openB = b;
    return;
  }
  deferred_close(f, counts);
  f->openA = a;
  f->openB = b;
  f->openMw = mw;
}

#define SIZE 16384
typedef struct {
  double served, unserved, surplus, lossOfLoad;
  double *counts;
  const double *demand;
  double maxT[2 * SIZE], minT[2 * SIZE], prefix[HOURS + 1];
  double inv;
  int last;
  Deferred deferred;
} Scorer;
static inline int lower_bin(double v, double inv, int last) {
  double f = floor(v * inv + GRID_SLACK);
  int bin = (int)f;
  return bin < 0 ? 0 : bin > last ? last : bin;
}

static void scorer_init(Scorer *s, const double *demand, double sBin, int sBins) {
  s->demand = demand;
  for (int i = 0; i < 2 * SIZE; i++) {
    s->maxT[i] = -INFINITY;
    s->minT[i] = INFINITY;
  }
  s->prefix[0] = 0;
  for (int t = 0; t < HOURS; t++) {
    s->maxT[SIZE + t] = demand[t];
    s->minT[SIZE + t] = demand[t];
    s->prefix[t + 1] = s->prefix[t] + demand[t];
  }
  for (int i = SIZE - 1; i >= 1; i--) {
    s->maxT[i] = fmax(s->maxT[2 * i], s->maxT[2 * i + 1]);
    s->minT[i] = fmin(s->minT[2 * i], s->minT[2 * i + 1]);
  }
  s->inv = 1 / sBin;
  s->last = sBins - 1;
  deferred_init(&s->deferred, demand, s->inv, s->last);
}

static inline void hour(Scorer *s, int t, double mw) {
  double d = s->demand[t];
  double gap = d - mw;
  if (gap > TOL) {
    s->served += mw > 0 ? mw : 0;
    s->unserved += gap;
    s->lossOfLoad += 1;
    s->counts[upper_bin(gap, s->inv, s->last)] += 1;
  } else {
    s->served += d;
    if (gap < 0) s->surplus -= gap;
  }
}

static inline void served_range(Scorer *s, int a, int b, double mw) {
  double mwh = s->prefix[b] - s->prefix[a];
  s->served += mwh;
  s->surplus += (b - a) * mw - mwh;
}

static void short_range(Scorer *s, int a, int b, double mw) {
  int n = b - a;
  s->served += n * (mw > 0 ? mw : 0);
  s->unserved += s->prefix[b] - s->prefix[a] - n * mw;
  s->lossOfLoad += n;
  deferred_add(&s->deferred, s->counts, a, b, mw);
}

static double range_max(const Scorer *s, int a, int b) {
  int l = a + SIZE, r = b + SIZE;
  double m = -INFINITY;
  while (l < r) {
    if (l & 1) {
      if (s->maxT[l] > m) m = s->maxT[l];
      l++;
    }
    if (r & 1) {
      r--;
      if (s->maxT[r] > m) m = s->maxT[r];
    }
    l >>= 1;
    r >>= 1;
  }
  return m;
}

static void whole(Scorer *s, int node, int span, double mw) {
  int l = node * span - SIZE;
  int end = l + span > HOURS ? HOURS : l + span;
  if (end <= l) return;
  if (s->maxT[node] - mw <= TOL) {
    served_range(s, l, end, mw);
    return;
  }
  if (s->minT[node] - mw > TOL) {
    short_range(s, l, end, mw);
    return;
  }
  if (span <= LEAF_SPAN) {
    for (int t = l; t < end; t++) hour(s, t, mw);
    return;
  }
  whole(s, 2 * node, span / 2, mw);
  whole(s, 2 * node + 1, span / 2, mw);
}

static void range(Scorer *s, int a, int b, double mw) {
  if (s->maxT[1] - mw <= TOL || range_max(s, a, b) - mw <= TOL) {
    served_range(s, a, b, mw);
    return;
  }
  int l = a + SIZE, r = b + SIZE, top = 0;
  int nodes[32], spans[32];
  for (int span = 1; l < r; span *= 2) {
    if (l & 1) whole(s, l++, span, mw);
    if (r & 1) {
      nodes[top] = --r;
      spans[top] = span;
      top++;
    }
    l >>= 1;
    r >>= 1;
  }
  while (top > 0) {
    top--;
    whole(s, nodes[top], spans[top], mw);
  }
}

/* models/coverage/scorer.ts firstWhere: the first hour in [a, b) where (demand > thr) == above, on
 * the tree bounding it (max for above, min for at-or-below): climb from leaf a past subtrees with
 * no such hour, stop once one starts at or past b, then descend into the first one with one. */
static inline int first_where(const double *tree, int above, int a, int b, double thr) {
  if (a >= b) return b;
  int node = a + SIZE, span = 1;
  while ((tree[node] > thr) != above) {
    while (node & 1) {
      node >>= 1;
      span *= 2;
    }
    if (node == 0) return b;
    node += 1;
    if (node * span - SIZE >= b) return b;
  }
  while (node < SIZE) {
    node *= 2;
    if ((tree[node] > thr) != above) node += 1;
  }
  int hour = node - SIZE;
  return hour < b ? hour : b;
}
static inline int first_above(const Scorer *s, int a, int b, double thr) {
  return first_where(s->maxT, 1, a, b, thr);
}
static inline int first_at_or_below(const Scorer *s, int a, int b, double thr) {
  return first_where(s->minT, 0, a, b, thr);
}

/* ---- storage (models/supply/storage.ts, models/coverage/storage-segment.ts) ---- */
typedef struct {
  int n;
  double *levels, *unitUp, *since, *topUpMw, *canIdle;
  double counts[4];
} Storage;

static inline int idle_ready(const Storage *st, const Plan *p, int j) {
  return st->canIdle[j] > 0.5 && st->levels[j] == p->cap[j];
}

static void storage_event(Storage *st, const Plan *p, int j, double delta, int h) {
  int wasUp = st->unitUp[j] > 0.5;
  st->unitUp[j] += delta;
  int isUp = st->unitUp[j] > 0.5;
  if (wasUp == isUp) return;
  if (isUp) {
    st->levels[j] *= p->keepAfter[h - (int)st->since[j]];
    st->counts[0] += 1;
    st->counts[2] += st->topUpMw[j];
    if (!idle_ready(st, p, j)) st->counts[1] += 1;
    if (st->levels[j] > 0) st->counts[3] += 1;
  } else {
    st->counts[0] -= 1;
    st->counts[2] -= st->topUpMw[j];
    if (!idle_ready(st, p, j)) st->counts[1] -= 1;
    if (st->levels[j] > 0) st->counts[3] -= 1;
    st->since[j] = h;
  }
}

static double dispatch_storage_hour(const Plan *p, Storage *st, double delivered, double demand) {
  double current = delivered;
  for (int j = 0; j < st->n; j++) {
    if (st->unitUp[j] < 0.5) continue; /* a down tank's decay is applied as it comes up */
    double before = st->levels[j];
    double level = before * p->keepPerHour;
    double keep = p->lkeep[j];
    double gap = demand - current;
    double charged = 0, discharged = 0;
    if (keep > 0) {
      if (gap > 0) {
        discharged = gap / keep;
        if (p->dmax[j] < discharged) discharged = p->dmax[j];
        if (level < discharged) discharged = level;
        current += discharged * keep;
        level -= discharged;
      } else if (gap < 0) {
        double room = p->cap[j] - level;
        double c = -gap / keep;
        if (p->cmax[j] < c) c = p->cmax[j];
        if (room < c) c = room;
        charged = c > 0 ? c : 0;
        current -= charged * keep;
        level = charged == room ? p->cap[j] : level + charged;
      }
    }
    st->levels[j] = level;
  }
  return current;
}

static void step_hour(Scorer *sc, const Plan *p, Storage *st, int t, double baseMw) {
  int n = st->n;
  hour(sc, t, dispatch_storage_hour(p, st, baseMw, sc->demand[t]));
  int notReady = 0, notEmpty = 0;
  for (int j = 0; j < n; j++) {
    if (st->unitUp[j] > 0.5 && !idle_ready(st, p, j)) notReady++;
    if (st->unitUp[j] > 0.5 && st->levels[j] > 0) notEmpty++;
  }
  st->counts[1] = notReady;
  st->counts[3] = notEmpty;
}

static void storage_segment(Scorer *sc, const Plan *p, Storage *st, int a, int b, double baseMw) {
  if (st->counts[0] < 0.5) {
    range(sc, a, b, baseMw);
    return;
  }
  int t = a;
  while (t < b) {
    if (st->counts[1] < 0.5 && sc->demand[t] <= baseMw - st->counts[2]) {
      double deliveredMw = baseMw - st->counts[2];
      int until = first_above(sc, t, b, deliveredMw);
      served_range(sc, t, until, deliveredMw);
      t = until;
      continue;
    }
    if (st->counts[3] < 0.5 && sc->demand[t] > baseMw) {
      int until = first_at_or_below(sc, t, b, baseMw);
      range(sc, t, until, baseMw);
      t = until;
      continue;
    }
    step_hour(sc, p, st, t, baseMw);
    t++;
  }
}

/* ---- sampling (models/supply/forced-outages.ts, models/coverage/trials.ts) ---- */
/* models/supply/hour-set.ts: one bit per hour 0..8760, one summary bit per 32-hour word. */
#define HOUR_WORDS ((HOURS + 1 + 31) / 32)
#define SUMMARY_WORDS ((HOUR_WORDS + 31) / 32)
typedef struct {
  uint32_t words[HOUR_WORDS], summary[SUMMARY_WORDS];
} HourSet;
static inline void hour_set_add(HourSet *s, uint32_t h) {
  uint32_t w = h >> 5;
  s->words[w] |= 1u << (h & 31);
  s->summary[w >> 5] |= 1u << (w & 31);
}

typedef struct {
  double diff[HOURS + 1];
  HourSet touched;
  U32List events;
  const double *lineDown;
  int lineFrom, lineTo, slot;
  double deliverable;
} Sink;

static inline void add_delivered(Sink *k, double w, int s, int e) {
  if (e <= s) return;
  k->diff[s] += w;
  k->diff[e] -= w;
  hour_set_add(&k->touched, (uint32_t)s);
  hour_set_add(&k->touched, (uint32_t)e);
  k->deliverable += e - s;
  if (k->slot >= 0) {
    push32(&k->events, ((uint32_t)s * STORAGE_SLOT_LIMIT + (uint32_t)k->slot) * 2u + 1u);
    push32(&k->events, ((uint32_t)e * STORAGE_SLOT_LIMIT + (uint32_t)k->slot) * 2u);
  }
}

static inline double add_up(Sink *k, double w, double start, double end) {
  if (end <= start) return 0;
  double from = start;
  for (int j = k->lineFrom; j < k->lineTo && from < end; j += 2) {
    double ds = k->lineDown[j], de = k->lineDown[j + 1];
    if (de <= from) continue;
    if (ds >= end) break;
    if (ds > from) add_delivered(k, w, (int)from, (int)ds);
    from = de;
  }
  if (from < end) add_delivered(k, w, (int)from, (int)end);
  return end - start;
}

static double sample_unit_year(Rng *rng, const double *planned, int from, int to, double FOR,
                               double mttf, double mttr, double w, Sink *k) {
  int fails = FOR > 0;
  int up = fails ? uniform(rng) >= FOR : 1;
  double remaining = fails ? exponential(rng, up ? mttf : mttr) : INFINITY;
  double upHours = 0, segmentStart = 0;
  for (int j = from; j <= to; j++) {
    double segmentEnd = j < to ? planned[2 * j] : HOURS;
    double t = segmentStart, upStart = t;
    while (t + remaining < segmentEnd) {
      t += remaining;
      if (up) {
        upHours += add_up(k, w, js_round(upStart), js_round(t));
        remaining = exponential(rng, mttr);
      } else {
        upStart = t;
        remaining = exponential(rng, mttf);
      }
      up = !up;
    }
    remaining -= segmentEnd - t;
    if (up) upHours += add_up(k, w, js_round(upStart), segmentEnd);
    if (j < to) segmentStart = planned[2 * j + 1];
  }
  return upHours;
}

static void sample_down(Rng *rng, double mttf, double mttr, DList *out) {
  if (!(mttf < INFINITY) || !(mttr > 0)) return;
  double q = mttr / (mttf + mttr);
  int down = uniform(rng) < q;
  double t = 0;
  while (t < HOURS) {
    double next = t + exponential(rng, down ? mttr : mttf);
    if (down) {
      double s = js_round(t), e = js_round(next);
      if (e > HOURS) e = HOURS;
      if (e > s) {
        pushd(out, s);
        pushd(out, e);
      }
    }
    t = next;
    down = !down;
  }
}

static void intersect_pairs(const DList *a, const DList *b, DList *out) {
  int i = 0, j = 0;
  while (i < a->len && j < b->len) {
    double s = fmax(a->v[i], b->v[j]), e = fmin(a->v[i + 1], b->v[j + 1]);
    if (e > s) {
      pushd(out, s);
      pushd(out, e);
    }
    if (a->v[i + 1] < b->v[j + 1]) i += 2;
    else j += 2;
  }
}
/* Union of two sorted disjoint pair lists, merged where they touch (mergePairs), appended to out:
 * only pairs from this union merge (out may already hold other deployments' pairs). */
static void union_pairs(const DList *a, const DList *b, DList *out) {
  int i = 0, j = 0, first = out->len;
  while (i < a->len || j < b->len) {
    double s, e;
    if (j >= b->len || (i < a->len && a->v[i] <= b->v[j])) {
      s = a->v[i];
      e = a->v[i + 1];
      i += 2;
    } else {
      s = b->v[j];
      e = b->v[j + 1];
      j += 2;
    }
    if (out->len > first + 1 && s <= out->v[out->len - 1]) {
      if (e > out->v[out->len - 1]) out->v[out->len - 1] = e;
    } else {
      pushd(out, s);
      pushd(out, e);
    }
  }
}

typedef struct {
  double *served, *unserved, *surplus, *lol, *available, *deliverable, *dCounts, *sCounts;
} Out;

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: trials PLAN.bin REPEATS OUT.bin\n");
    return 2;
  }
  in = fopen(argv[1], "rb");
  if (!in) {
    perror(argv[1]);
    return 2;
  }
  Plan p;
  p.seed = (int)rd();
  p.trials = (int)rd();
  p.period = (int)rd();
  p.D = (int)rd();
  p.n = (int)rd();
  p.S = (int)rd();
  p.plannedLen = (int)rd();
  p.dBin = rd();
  p.dBins = (int)rd();
  p.sBin = rd();
  p.sBins = (int)rd();
  p.keepPerHour = rd();
  p.demand = rdv(HOURS);
  p.keepAfter = rdv(HOURS + 1);
  p.dep = rdi(p.n);
  p.unit = rdi(p.n);
  p.netMw = rdv(p.n);
  p.delivMw = rdv(p.n);
  p.forRate = rdv(p.n);
  p.mttf = rdv(p.n);
  p.mttr = rdv(p.n);
  p.plannedFrom = rdi(p.period * p.n + 1);
  p.planned = rdv(p.plannedLen);
  p.slot = rdi(p.n);
  p.cap = rdv(p.S);
  p.dmax = rdv(p.S);
  p.cmax = rdv(p.S);
  p.lkeep = rdv(p.S);
  p.hasLine = rdi(p.D);
  p.paths = rdi(p.D);
  p.lMttf = rdv(p.D);
  p.lCommon = rdv(p.D);
  p.lMttr = rdv(p.D);
  fclose(in);
  int repeats = atoi(argv[2]);
  const int T = p.trials, D = p.D, n = p.n, S = p.S;

  Out o;
  o.served = calloc(T, 8);
  o.unserved = calloc(T, 8);
  o.surplus = calloc(T, 8);
  o.lol = calloc(T, 8);
  o.available = calloc((size_t)T * D, 8);
  o.deliverable = calloc((size_t)T * D, 8);
  o.dCounts = calloc(p.dBins, 8);
  o.sCounts = calloc(p.sBins, 8);

  for (int rep = 0; rep < repeats; rep++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* The workspace, as runPlanTrials builds it per call. */
    Scorer *sc = malloc(sizeof(Scorer));
    scorer_init(sc, p.demand, p.sBin, p.sBins);
    Sink *k = calloc(1, sizeof(Sink));
    Storage st = {0};
    st.n = S;
    st.levels = calloc(S + 1, 8);
    st.unitUp = calloc(S + 1, 8);
    st.since = calloc(S + 1, 8);
    st.topUpMw = calloc(S + 1, 8);
    st.canIdle = calloc(S + 1, 8);
    for (int j = 0; j < S; j++) {
      double room = p.cap[j] - p.cap[j] * p.keepPerHour;
      st.topUpMw[j] = room * p.lkeep[j];
      st.canIdle[j] = room <= p.cmax[j] && p.lkeep[j] > 0 ? 1 : 0;
    }
    DList lineDown = {0}, la = {0}, lb = {0}, lc = {0}, li = {0};
    int *lineFrom = calloc(D + 1, sizeof(int));
    memset(o.dCounts, 0, 8 * (size_t)p.dBins);
    memset(o.sCounts, 0, 8 * (size_t)p.sBins);
    memset(o.available, 0, 8 * (size_t)T * D);
    memset(o.deliverable, 0, 8 * (size_t)T * D);
    double dInv = 1 / p.dBin;
    int dLast = p.dBins - 1;
    uint64_t seedWord = mix64((uint64_t)p.seed + GAMMA);
    uint64_t *depPrefix = calloc(D, 8);
    Rng rng;

    for (int trial = 0; trial < T; trial++) {
      sc->served = sc->unserved = sc->surplus = sc->lossOfLoad = 0;
      sc->counts = o.sCounts;
      uint64_t trialPrefix = fold(seedWord, (uint64_t)trial);
      for (int d = 0; d < D; d++) depPrefix[d] = fold(trialPrefix, (uint64_t)d);
      /* Lines. */
      lineDown.len = 0;
      for (int d = 0; d < D; d++) {
        lineFrom[d] = lineDown.len;
        if (!p.hasLine[d]) continue;
        stream_from(&rng, depPrefix[d], LINE_STREAM_UNIT);
        if (p.paths[d] == 1) {
          sample_down(&rng, p.lMttf[d], p.lMttr[d], &lineDown);
          continue;
        }
        la.len = lb.len = lc.len = li.len = 0;
        sample_down(&rng, p.lMttf[d], p.lMttr[d], &la);
        sample_down(&rng, p.lMttf[d], p.lMttr[d], &lb);
        sample_down(&rng, p.lCommon[d], p.lMttr[d], &lc);
        intersect_pairs(&la, &lb, &li);
        union_pairs(&li, &lc, &lineDown);
      }
      lineFrom[D] = lineDown.len;
      k->lineDown = lineDown.v;
      /* Units. */
      int base = (trial % p.period) * n;
      int at = trial * D;
      for (int i = 0; i < n; i++) {
        int d = p.dep[i];
        k->slot = p.slot[i];
        k->lineFrom = lineFrom[d];
        k->lineTo = lineFrom[d + 1];
        k->deliverable = 0;
        stream_from(&rng, depPrefix[d], (uint64_t)p.unit[i]);
        double upHours = sample_unit_year(&rng, p.planned, p.plannedFrom[base + i],
                                          p.plannedFrom[base + i + 1], p.forRate[i], p.mttf[i],
                                          p.mttr[i], p.delivMw[i], k);
        o.available[at + d] += upHours * p.netMw[i];
        o.deliverable[at + d] += k->deliverable * p.netMw[i];
      }
      /* Score: prefix sum over the touched hours (the bitmap, ascending; hour 8760 always in it
       * closes the last stretch), one stretch at a time. */
      if (S > 0) {
        memcpy(st.levels, p.cap, 8 * (size_t)S);
        memset(st.unitUp, 0, 8 * (size_t)S);
        memset(st.since, 0, 8 * (size_t)S);
        st.counts[0] = st.counts[1] = st.counts[2] = st.counts[3] = 0;
      }
      hour_set_add(&k->touched, HOURS);
      sort_u32(k->events.v, k->events.len);
      const uint32_t *events = k->events.v;
      int elen = k->events.len, e = 0, from = 0;
      double baseMw = 0;
      for (int s = 0; s < SUMMARY_WORDS; s++) {
        uint32_t marked = k->touched.summary[s];
        k->touched.summary[s] = 0;
        while (marked) {
          int w = (s << 5) | __builtin_ctz(marked);
          marked &= marked - 1;
          uint32_t word = k->touched.words[w];
          k->touched.words[w] = 0;
          while (word) {
            int h = (w << 5) | __builtin_ctz(word);
            word &= word - 1;
            if (h > from) {
              o.dCounts[lower_bin(baseMw, dInv, dLast)] += h - from;
              if (S == 0) range(sc, from, h, baseMw);
              else storage_segment(sc, &p, &st, from, h, baseMw);
              from = h;
            }
            baseMw += k->diff[h];
            k->diff[h] = 0;
            for (; e < elen && events[e] / (2u * STORAGE_SLOT_LIMIT) == (uint32_t)h; e++) {
              uint32_t rest = events[e] - (uint32_t)h * 2u * STORAGE_SLOT_LIMIT;
              storage_event(&st, &p, (int)(rest >> 1), (rest & 1u) ? 1 : -1, h);
            }
          }
        }
      }
      k->events.len = 0;
      o.served[trial] = sc->served;
      o.unserved[trial] = sc->unserved;
      o.surplus[trial] = sc->surplus;
      o.lol[trial] = sc->lossOfLoad;
    }
    deferred_flush(&sc->deferred, o.sCounts);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%.4f\n", (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
    free(sc->deferred.table);
    free(sc->deferred.lv);
    free(sc);
    free(k->events.v);
    free(k);
    free(st.levels);
    free(st.unitUp);
    free(st.since);
    free(st.topUpMw);
    free(st.canIdle);
    free(lineDown.v);
    free(la.v);
    free(lb.v);
    free(lc.v);
    free(li.v);
    free(lineFrom);
    free(depPrefix);
  }

  FILE *out = fopen(argv[3], "wb");
  if (!out) {
    perror(argv[3]);
    return 2;
  }
  fwrite(o.served, 8, T, out);
  fwrite(o.unserved, 8, T, out);
  fwrite(o.surplus, 8, T, out);
  fwrite(o.lol, 8, T, out);
  fwrite(o.available, 8, (size_t)T * D, out);
  fwrite(o.deliverable, 8, (size_t)T * D, out);
  fwrite(o.dCounts, 8, p.dBins, out);
  fwrite(o.sCounts, 8, p.sBins, out);
  fclose(out);
  return 0;
}
