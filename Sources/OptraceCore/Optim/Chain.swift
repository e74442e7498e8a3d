/// Two gradient transformations applied one after the other; its state is the pair of their states.
public struct Chain<First: GradientTransformation, Second: GradientTransformation>: GradientTransformation
where First.Vector == Second.Vector {
    public typealias Vector = First.Vector
    public let first: First
    public let second: Second

    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    @inline(__always)
    public func initialState(params: Vector) -> ChainState<First.State, Second.State> {
        ChainState(first: first.initialState(params: params), second: second.initialState(params: params))
    }

    @inline(__always)
    public func update(_ updates: Vector, state: ChainState<First.State, Second.State>, params: Vector)
        -> (updates: Vector, state: ChainState<First.State, Second.State>)
    {
        let (u1, s1) = first.update(updates, state: state.first, params: params)
        let (u2, s2) = second.update(u1, state: state.second, params: params)
        return (u2, ChainState(first: s1, second: s2))
    }
}

/// The state of a `Chain`: the states of its two parts.
public struct ChainState<First: Sendable, Second: Sendable>: Sendable {
    public var first: First
    public var second: Second

    public init(first: First, second: Second) {
        self.first = first
        self.second = second
    }
}
