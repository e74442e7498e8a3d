/// The ranking rule of every scoreboard: lower loss first, equal losses share a rank (1, 1, 3), no loss no rank.
///
/// The terminal table, `scoreboard.json` and the frames' panel all rank by this rule (the panel by
/// `StandingRanks` in the plotting library, which states the same rule and is tested against it).
public enum Ranking {
    /// The rank of each entry: 1 + the number of entries with a strictly lower loss; nil without a loss.
    public static func ranks(_ losses: [Double?]) -> [Int?] {
        losses.map { loss in
            guard let loss else { return nil }
            return 1 + losses.reduce(0) { count, other in count + ((other.map { $0 < loss } ?? false) ? 1 : 0) }
        }
    }
}
