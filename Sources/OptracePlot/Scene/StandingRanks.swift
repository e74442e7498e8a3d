/// The panel's ranking rule: lower loss first, equal losses share a rank (1, 1, 3), no loss no rank.
///
/// The same rule as the scoreboard's (`Ranking` in OptraceCore, which this library does not import);
/// the tests check the two agree.
public enum StandingRanks {
    /// The rank of each entry: 1 + the number of entries with a strictly lower loss; nil without a loss.
    public static func ranks(_ losses: [Double?]) -> [Int?] {
        losses.map { loss in
            guard let loss else { return nil }
            return 1 + losses.reduce(0) { count, other in count + ((other.map { $0 < loss } ?? false) ? 1 : 0) }
        }
    }
}
