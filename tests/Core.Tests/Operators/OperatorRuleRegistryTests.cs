using EfficiencyMisnomer.CostModel;

namespace EfficiencyMisnomer.Core.Tests.Operators;

public sealed class OperatorRuleRegistryTests
{
    [Test]
    public void Two_rules_for_one_operator_are_refused_with_both_named()
    {
        // Which of two rules applied would depend on the order reflection finds them in.
        var error = Assert.Throws<InvalidOperationException>(() => new CostRuleRegistry(new ICostRule[] { new FirstGemm(), new SecondGemm() }));

        Assert.That(error!.Message, Does.Contain(nameof(FirstGemm)).And.Contain(nameof(SecondGemm)).And.Contain("ai.onnx.Gemm"));
    }

    [Test]
    public void The_default_domain_has_one_name_whether_written_empty_or_ai_onnx()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CostRuleRegistry(new ICostRule[] { new FirstGemm(), new SecondGemm { Domain = "ai.onnx" } }));

        Assert.That(error!.Message, Does.Contain("ai.onnx.Gemm"));
    }

    [Test]
    public void The_same_operator_type_in_two_domains_is_two_operators()
    {
        var registry = new CostRuleRegistry(new ICostRule[] { new FirstGemm(), new SecondGemm { Domain = "com.microsoft" } });

        Assert.That(registry.Find("", "Gemm"), Is.InstanceOf<FirstGemm>());
        Assert.That(registry.Find("com.microsoft", "Gemm"), Is.InstanceOf<SecondGemm>());
    }

    [Test]
    public void The_default_registries_load_with_no_operator_claimed_twice()
    {
        Assert.That(CostRuleRegistry.Default.Operators, Is.Not.Empty);
        Assert.That(EfficiencyMisnomer.Shapes.ShapeRuleRegistry.Default.Operators, Is.Not.Empty);
    }

    private sealed class FirstGemm : ICostRule
    {
        public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Gemm" };

        public OperatorCost Cost(CostContext context) => throw new NotSupportedException();
    }

    private sealed class SecondGemm : ICostRule
    {
        public string Domain { get; init; } = string.Empty;

        public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Gemm" };

        public OperatorCost Cost(CostContext context) => throw new NotSupportedException();
    }
}
