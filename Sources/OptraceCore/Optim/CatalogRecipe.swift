/// The recipe of every rule of the catalog: one switch over the rules, each chain written once as a generic function
/// beside its definition (`OptimizerCatalog.sgdChain`, …), and the whole specialised for a race's `Vec2` and a
/// sweep's `LaneVec2` in one place. A rule added outside the catalog brings its own `UpdateRuleRecipe`.
struct CatalogRecipe: UpdateRuleRecipe {
    /// The rules of the catalog.
    enum Rule: Sendable {
        case sgd, momentum, adam, adamw, adamNoBias, adamax, nadam, radam, adagrad, rmsprop, adadelta, lion
    }

    let name: Rule

    init(_ name: Rule) { self.name = name }

    @_specialize(where V == Vec2)
    @_specialize(where V == LaneVec2)
    func rule<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        switch name {
        case .sgd: return OptimizerCatalog.sgdChain(p)
        case .momentum: return OptimizerCatalog.momentumChain(p)
        case .adam: return OptimizerCatalog.adamChain(p)
        case .adamw: return OptimizerCatalog.adamwChain(p)
        case .adamNoBias: return OptimizerCatalog.adamNoBiasChain(p)
        case .adamax: return OptimizerCatalog.adamaxChain(p)
        case .nadam: return OptimizerCatalog.nadamChain(p)
        case .radam: return OptimizerCatalog.radamChain(p)
        case .adagrad: return OptimizerCatalog.adagradChain(p)
        case .rmsprop: return OptimizerCatalog.rmspropChain(p)
        case .adadelta: return OptimizerCatalog.adadeltaChain(p)
        case .lion: return OptimizerCatalog.lionChain(p)
        }
    }
}
