# Expected PSI, JS and KS of NumericDriftTest's three known-shift scenarios, computed independently of
# the Java code: the same samples (java.util.SplittableRandom and Table.gaussian's Box-Muller, re-done
# here), exact inverted-CDF train deciles as bin edges, exact counts, exact two-sample KS.
# Run: python3 known_shifts.py   (Python 3, numpy 2.4)   Prints:
#   LOCATION psi=0.2420 js=0.0426 ks=0.1949
#   SCALE psi=0.2052 js=0.0364 ks=0.1059
#   SPIKE psi=0.2184 js=0.0381 ks=0.1971
import numpy as np
M = (1 << 64) - 1
class SplittableRandom:                     # java.util.SplittableRandom(seed): SplitMix64
    def __init__(self, seed): self.s = seed & M
    def next_double(self):
        self.s = (self.s + 0x9e3779b97f4a7c15) & M
        z = self.s
        z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M
        z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M
        return ((z ^ (z >> 31)) >> 11) * 2.0 ** -53
def gaussians(seed, n):                     # Table.gaussian: Box-Muller
    r = SplittableRandom(seed); out = np.empty(n)
    for i in range(n):
        u1 = 1.0 - r.next_double(); u2 = r.next_double()
        out[i] = np.sqrt(-2 * np.log(u1)) * np.cos(2 * np.pi * u2)
    return out
def measures(train, predict):
    t = np.sort(train); p = np.sort(predict)
    edges = np.unique(t[np.ceil(np.arange(1, 10) * len(t) / 10).astype(int) - 1])   # inverted-CDF deciles
    share = lambda x: np.diff(np.concatenate([[0], np.searchsorted(x, edges, side="right"), [len(x)]])) / len(x)
    P, Q = share(t), share(p)
    Ps, Qs = np.where(P == 0, 1e-4, P), np.where(Q == 0, 1e-4, Q)
    psi = np.sum((Qs - Ps) * np.log(Qs / Ps))
    m = (P + Q) / 2
    js = 0.5 * np.sum(np.where(P > 0, P * np.log2(np.where(P > 0, P, 1) / m), 0)) \
       + 0.5 * np.sum(np.where(Q > 0, Q * np.log2(np.where(Q > 0, Q, 1) / m), 0))
    x = np.concatenate([t, p])
    ks = np.max(np.abs(np.searchsorted(t, x, side="right") / len(t) - np.searchsorted(p, x, side="right") / len(p)))
    return psi, js, ks
coin = SplittableRandom(7)
spike = np.array([0.0 if coin.next_double() < 0.2 else np.exp(z) for z in gaussians(6, 10_000)])
for name, train, predict in [("LOCATION", gaussians(1, 50_000), gaussians(2, 10_000) + 0.5),
                             ("SCALE", gaussians(3, 50_000), 1.5 * gaussians(4, 10_000)),
                             ("SPIKE", np.exp(gaussians(5, 50_000)), spike)]:
    print(name, "psi=%.4f js=%.4f ks=%.4f" % measures(train, predict))
