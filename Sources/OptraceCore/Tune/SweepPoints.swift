/// The values of the cells of a plan, as `SweepPlan.point` gives them, with a grid's axis values computed once.
public struct SweepPoints: Sendable {
    public let plan: SweepPlan
    /// Every value of every axis, for a grid.
    let grid: [[Double]]?

    public init(_ plan: SweepPlan) {
        self.plan = plan
        grid = plan.isGrid ? plan.axes.map { axis in (0..<(axis.count ?? 1)).map { SweepPlan.gridValue(axis, $0) } } : nil
    }

    /// The values of every axis at cell `index`.
    public func point(_ index: Int) -> [Double] {
        guard let grid else { return plan.point(index) }
        var rest = index
        return grid.map { values in
            let i = rest % values.count
            rest /= values.count
            return values[i]
        }
    }

    /// The value of axis `axis` at cell `index`: `point(index)[axis]`.
    public func value(axis: Int, at index: Int) -> Double {
        guard let grid else { return plan.point(index)[axis] }
        var rest = index
        for values in grid.prefix(axis) { rest /= values.count }
        return grid[axis][rest % grid[axis].count]
    }
}
