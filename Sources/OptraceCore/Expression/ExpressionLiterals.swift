extension Expression: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// A number literal, so trees can be written as `0.5 * (x - 3)` in Swift. A negative literal becomes a
    /// negated number, the tree the parser builds for the same text.
    public init(floatLiteral value: Double) { self = .num(value) }

    public init(integerLiteral value: Int) { self = .num(Double(value)) }
}
