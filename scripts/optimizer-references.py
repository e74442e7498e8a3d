#!/usr/bin/env python3
"""Reference trajectories for Tests/OptraceCoreTests/OptimizerZooTests.swift.

Written straight from the torch.optim documentation's pseudo-code (and optax's schedule
definitions), in float64, one coordinate at a time; no torch needed. Prints Swift arrays.
"""
import math

START = (1.0, -1.0)
G = [(1.0, -2.0), (0.5, 0.25), (-3.0, 1.0), (2.0, 2.0), (0.1, -0.7), (-0.4, 0.3), (1.5, -1.25),
     (0.0, 0.8), (-2.2, -0.05), (0.9, 1.1), (-0.6, 0.45), (3.0, -3.0)]


def run(step_fn):
    """step_fn(t, s, theta, g, state) -> new theta, per coordinate; t from 1, s = t - 1."""
    out = []
    theta = list(START)
    states = [dict(), dict()]
    for t, g in enumerate(G, start=1):
        theta = [step_fn(t, t - 1, theta[i], g[i], states[i]) for i in range(2)]
        out.append(tuple(theta))
    return out


def constant(lr):
    return lambda s: lr


def sgd(lr=1e-3, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0, sched=None):
    sched = sched or constant(lr)
    def f(t, s, th, g, st):
        if weight_decay != 0: g = g + weight_decay * th
        if momentum != 0:
            if t > 1: st['b'] = momentum * st['b'] + (1 - dampening) * g
            else: st['b'] = g
            g = g + momentum * st['b'] if nesterov else st['b']
        return th - sched(s) * g
    return f


def momentum_classic(beta, sched):
    def f(t, s, th, g, st):
        v = st.get('v', 0.0)
        st['v'] = beta * v - sched(s) * g if t > 1 else -sched(s) * g
        return th + st['v']
    return f


def adam(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, decoupled=False, bias=True, sched=None):
    sched = sched or constant(lr)
    b1, b2 = betas
    def f(t, s, th, g, st):
        gamma = sched(s)
        if decoupled: th = th - gamma * weight_decay * th
        elif weight_decay != 0: g = g + weight_decay * th
        m = st['m'] = b1 * st.get('m', 0.0) + (1 - b1) * g
        v = st['v'] = b2 * st.get('v', 0.0) + (1 - b2) * g * g
        if not bias:
            return th - gamma * m / (math.sqrt(v) + eps)
        mhat = m / (1 - b1 ** t)
        if amsgrad:
            st['vmax'] = max(st.get('vmax', 0.0), v)
            vhat = st['vmax'] / (1 - b2 ** t)
        else:
            vhat = v / (1 - b2 ** t)
        return th - gamma * mhat / (math.sqrt(vhat) + eps)
    return f


def adamax(lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    def f(t, s, th, g, st):
        if weight_decay != 0: g = g + weight_decay * th
        m = st['m'] = b1 * st.get('m', 0.0) + (1 - b1) * g
        u = st['u'] = max(b2 * st.get('u', 0.0), abs(g) + eps)
        return th - lr * m / ((1 - b1 ** t) * u)
    return f


def nadam(lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3):
    b1, b2 = betas
    def f(t, s, th, g, st):
        if weight_decay != 0: g = g + weight_decay * th
        mu = b1 * (1 - 0.5 * 0.96 ** (t * momentum_decay))
        mu_next = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * momentum_decay))
        prod = st['prod'] = st.get('prod', 1.0) * mu
        prod_next = prod * mu_next
        m = st['m'] = b1 * st.get('m', 0.0) + (1 - b1) * g
        v = st['v'] = b2 * st.get('v', 0.0) + (1 - b2) * g * g
        mhat = mu_next * m / (1 - prod_next) + (1 - mu) * g / (1 - prod)
        vhat = v / (1 - b2 ** t)
        return th - lr * mhat / (math.sqrt(vhat) + eps)
    return f


def radam(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    def f(t, s, th, g, st):
        if weight_decay != 0: g = g + weight_decay * th
        m = st['m'] = b1 * st.get('m', 0.0) + (1 - b1) * g
        v = st['v'] = b2 * st.get('v', 0.0) + (1 - b2) * g * g
        mhat = m / (1 - b1 ** t)
        rho_inf = 2 / (1 - b2) - 1
        rho_t = rho_inf - 2 * t * b2 ** t / (1 - b2 ** t)
        if rho_t > 5:
            l = math.sqrt(1 - b2 ** t) / (math.sqrt(v) + eps)
            r = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
            return th - lr * mhat * r * l
        return th - lr * mhat
    return f


def adagrad(lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10, sched=None):
    sched = sched or constant(lr)
    def f(t, s, th, g, st):
        if weight_decay != 0: g = g + weight_decay * th
        clr = sched(s) / (1 + (t - 1) * lr_decay)
        st['sum'] = st.get('sum', initial_accumulator_value) + g * g
        return th - clr * g / (math.sqrt(st['sum']) + eps)
    return f


def rmsprop(lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False):
    def f(t, s, th, g, st):
        if weight_decay != 0: g = g + weight_decay * th
        v = st['v'] = alpha * st.get('v', 0.0) + (1 - alpha) * g * g
        vt = v
        if centered:
            ga = st['ga'] = alpha * st.get('ga', 0.0) + (1 - alpha) * g
            vt = v - ga * ga
        if momentum > 0:
            st['b'] = momentum * st.get('b', 0.0) + g / (math.sqrt(vt) + eps)
            return th - lr * st['b']
        return th - lr * g / (math.sqrt(vt) + eps)
    return f


def adadelta(lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0):
    def f(t, s, th, g, st):
        if weight_decay != 0: g = g + weight_decay * th
        v = st['v'] = rho * st.get('v', 0.0) + (1 - rho) * g * g
        u = st.get('u', 0.0)
        dx = math.sqrt(u + eps) / math.sqrt(v + eps) * g
        st['u'] = rho * u + (1 - rho) * dx * dx
        return th - lr * dx
    return f


def sign(x):
    return 1.0 if x > 0 else (-1.0 if x < 0 else 0.0)


def lion(lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
    b1, b2 = betas
    def f(t, s, th, g, st):
        m = st.get('m', 0.0)
        c = b1 * m + (1 - b1) * g
        st['m'] = b2 * m + (1 - b2) * g
        return th - lr * (sign(c) + weight_decay * th)
    return f


def clipped_norm(inner, c):
    """clip_grad_norm_ without the 1e-6, then the optimizer; needs both coordinates at once."""
    def runner():
        out = []
        theta = list(START)
        states = [dict(), dict()]
        for t, g in enumerate(G, start=1):
            n = math.sqrt(g[0] * g[0] + g[1] * g[1])
            k = min(1.0, c / n)
            gg = (g[0] * k, g[1] * k) if n > c else g
            theta = [inner(t, t - 1, theta[i], gg[i], states[i]) for i in range(2)]
            out.append(tuple(theta))
        return out
    return runner


def clipped_value(inner, c):
    def f(t, s, th, g, st):
        return inner(t, s, th, max(-c, min(c, g)), st)
    return f


# optax schedules, s from 0
def step_decay(v, step_size, gamma): return lambda s: v * gamma ** (s // step_size)
def exponential(v, gamma): return lambda s: v * gamma ** s
def cosine(v, D, alpha=0.0):
    return lambda s: v * ((1 - alpha) * 0.5 * (1 + math.cos(math.pi * min(s, D) / D)) + alpha)
def linear(a, b, W): return lambda s: a + (b - a) * min(s, W) / W
def warmup_cosine(peak, W, D, alpha=0.0, init=0.0):
    lin = linear(init, peak, W)
    cos = cosine(peak, D - W, alpha)
    return lambda s: lin(s) if s < W else cos(s - W)


def swift(name, traj):
    print(f"    static let {name}: [Vec2] = [")
    for x, y in traj:
        print(f"        Vec2({x!r}, {y!r}),")
    print("    ]")


def swift_values(name, values):
    print(f"    static let {name}: [Double] = [{', '.join(repr(v) for v in values)}]")


cases = {
    "sgdMomentum": sgd(lr=0.1, momentum=0.9),
    "sgdNesterov": sgd(lr=0.1, momentum=0.9, nesterov=True),
    "sgdDampening": sgd(lr=0.1, momentum=0.9, dampening=0.5),
    "sgdWeightDecayMomentum": sgd(lr=0.1, momentum=0.5, weight_decay=0.1),
    "momentumPytorchExponential": sgd(momentum=0.9, sched=exponential(0.05, 0.8)),
    "momentumClassicExponential": momentum_classic(0.9, exponential(0.05, 0.8)),
    "adamAmsgrad": adam(lr=0.1, amsgrad=True),
    "adamWeightDecay": adam(lr=0.1, weight_decay=0.1),
    "adamw": adam(lr=0.1, weight_decay=1e-2, decoupled=True),
    "adamwAmsgradStrongDecay": adam(lr=0.1, betas=(0.8, 0.99), weight_decay=0.5, decoupled=True, amsgrad=True),
    "adamNoBias": adam(lr=0.01, bias=False),
    "adamax": adamax(lr=0.1),
    "adamaxWeightDecay": adamax(lr=0.1, betas=(0.8, 0.9), eps=1e-3, weight_decay=0.1),
    "nadam": nadam(lr=0.1),
    "nadamOptions": nadam(lr=0.1, betas=(0.8, 0.99), weight_decay=0.1, momentum_decay=0.04),
    "radam": radam(lr=0.1),
    "radamShortHorizon": radam(lr=0.1, betas=(0.8, 0.9), weight_decay=0.1),
    "adagrad": adagrad(lr=0.1),
    "adagradOptions": adagrad(lr=0.1, lr_decay=0.1, weight_decay=0.1, initial_accumulator_value=0.5),
    "adagradLrDecayUnderSchedule": adagrad(lr_decay=0.1, sched=step_decay(0.1, 3, 0.5)),
    "rmsprop": rmsprop(lr=0.01),
    "rmspropCentered": rmsprop(lr=0.01, alpha=0.9, centered=True),
    "rmspropMomentum": rmsprop(lr=0.01, momentum=0.9),
    "rmspropCenteredMomentumDecay": rmsprop(lr=0.01, alpha=0.8, eps=1e-4, momentum=0.5, centered=True, weight_decay=0.1),
    "adadelta": adadelta(),
    "adadeltaOptions": adadelta(lr=0.5, rho=0.5, eps=1e-3, weight_decay=0.1),
    "lion": lion(lr=0.1),
    "lionWeightDecay": lion(lr=0.1, betas=(0.5, 0.9), weight_decay=0.5),
    "adamWarmupCosine": adam(sched=warmup_cosine(0.1, 4, 10, 0.1)),
    "sgdClipValue": clipped_value(sgd(lr=0.1, momentum=0.9), 0.75),
}
for name, fn in cases.items():
    swift(name, run(fn))
swift("adamClipNorm", clipped_norm(adam(lr=0.1), 1.0)())
swift("sgdClipNorm", clipped_norm(sgd(lr=0.1), 1.5)())

S = range(12)
swift_values("stepDecayValues", [step_decay(0.1, 3, 0.5)(s) for s in S])
swift_values("exponentialValues", [exponential(0.1, 0.9)(s) for s in S])
swift_values("cosineValues", [cosine(0.1, 8, 0.2)(s) for s in S])
swift_values("linearWarmupValues", [linear(0.01, 0.1, 5)(s) for s in S])
swift_values("warmupCosineValues", [warmup_cosine(0.1, 4, 10, 0.1)(s) for s in S])
