# Expected PSI and L-inf of CategoricalDriftTest's two known-shift scenarios, computed independently
# of the Java code: the same samples (java.util.SplittableRandom re-done here; a draw is the first
# category whose cumulative probability exceeds nextDouble(), else the last), exact counts, categories = train's
# values by count, ties by value (all of them: fewer than 20) plus "(other)" when either side has another value.
# Run: python3 known_categorical_shifts.py   (Python 3, numpy 2.4)   Prints:
#   MIX psi=0.1394 linf=0.1513
#   UNSEEN psi=0.6648 linf=0.0955
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
def draws(seed, n, names, probs):
    r = SplittableRandom(seed); cum = np.cumsum(probs); out = []
    for _ in range(n):
        u = r.next_double()
        out.append(names[next((i for i, c in enumerate(cum) if u < c), len(cum) - 1)])
    return out
def measures(train, predict):
    names, counts = np.unique(train, return_counts=True)
    order = sorted(range(len(names)), key=lambda i: (-counts[i], names[i]))
    cats = [names[i] for i in order]
    P = np.array([train.count(c) for c in cats] + [0]) / len(train)
    Q = np.array([predict.count(c) for c in cats] + [sum(1 for v in predict if v not in cats)]) / len(predict)
    if P[-1] == 0 and Q[-1] == 0: P, Q = P[:-1], Q[:-1]
    Ps, Qs = np.where(P == 0, 1e-4, P), np.where(Q == 0, 1e-4, Q)
    return np.sum((Qs - Ps) * np.log(Qs / Ps)), np.max(np.abs(P - Q))
NAMES = ["a", "b", "c", "d", "e", "f"]
TRAIN = [0.4, 0.25, 0.15, 0.12, 0.08, 0.0]
train = draws(1, 50_000, NAMES, TRAIN)
for name, predict in [("MIX", draws(2, 10_000, NAMES, [0.25, 0.25, 0.2, 0.15, 0.15, 0.0])),
                      ("UNSEEN", draws(3, 10_000, NAMES, [0.36, 0.225, 0.135, 0.108, 0.072, 0.1]))]:
    print(name, "psi=%.4f linf=%.4f" % measures(train, predict))
