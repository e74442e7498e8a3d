/// How a catalog definition chains its transformations from hyperparameters, once for every parameter vector:
/// the same recipe builds a racer's rule on the plane, a sweep's configurations in SIMD lanes and a model's rule.
public protocol UpdateRuleRecipe: Sendable {
    /// The rule for `parameters` (one value per lane), or nil when the lanes need different chains.
    func rule<V: ParameterVector>(_ parameters: RuleParameters<V.Scalar>) -> UpdateRule<V>?
}
