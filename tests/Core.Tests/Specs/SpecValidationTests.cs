using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>Every kind of bad spec gives its own code at the line and column of the offending text, and no spec.</summary>
public sealed class SpecValidationTests
{
    private const string Model = "models: { tiny: { path: models/tiny-cnn.onnx } }\n";

    private SpecFolder folder = null!;

    [SetUp]
    public void Create() => folder = new SpecFolder();

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public void Yaml_syntax_error_has_the_parser_position() =>
        AssertRejected("name: a\nmodels:\n  tiny: path: x\n", "EM2002", 3, 13, "YAML syntax error: ");

    [Test]
    public void Unknown_top_level_key_suggests_the_closest() =>
        AssertRejected(Model + "budget:\n  params: { max: 1M }\n", "EM2005", 2, 1, "unknown key 'budget' in the spec (known keys: name, models, ");

    [Test]
    public void Unknown_key_in_a_budget_suggests_max() =>
        AssertRejected(Model + "budgets:\n  params: { maxx: 1M }\n", "EM2005", 3, 13, "unknown key 'maxx' in the budget of 'params' (known keys: max, min, severity); did you mean 'max'?");

    [Test]
    public void Unknown_key_in_a_model() =>
        AssertRejected("models:\n  tiny:\n    path: models/tiny-cnn.onnx\n    pth: x\n", "EM2005", 4, 5, "did you mean 'path'?");

    [Test]
    public void Unknown_indicator_suggests_macs() =>
        AssertRejected(Model + "budgets:\n  params: { max: 1M }\n  mac: { max: 1M }\n", "EM2010", 4, 3, "unknown indicator 'mac' (static indicators: params, ");

    [Test]
    public void Unknown_indicator_message_ends_with_the_suggestion()
    {
        var diagnostic = Single(folder.Load(Model + "budgets:\n  mac: { max: 1M }\n"));
        Assert.That(diagnostic.Message, Does.EndWith("; did you mean 'macs'?"));
    }

    [Test]
    public void Unknown_indicator_without_a_close_name_suggests_nothing()
    {
        var diagnostic = Single(folder.Load(Model + "budgets:\n  bogomips: { max: 1M }\n"));
        Assert.That(diagnostic.Message, Does.Not.Contain("did you mean"));
    }

    [Test]
    public void Time_on_a_count_is_a_unit_error() =>
        AssertRejected(Model + "budgets:\n  params: { max: 5 ms }\n", "EM2012", 3, 18, "'params' max: '5 ms' is a time, but a count (a plain number) is expected; write e.g. 100M");

    [Test]
    public void Count_on_a_latency_is_a_unit_error() =>
        AssertRejected(Model + "hardware:\n  cpu:\n    budgets:\n      latency.p50: { max: 60 }\n", "EM2012", 5, 27, "'60' is a count (a plain number), but a time is expected");

    [Test]
    public void Bytes_on_a_rate_is_a_unit_error() =>
        AssertRejected(Model + "hardware:\n  cpu:\n    budgets:\n      throughput: { min: 4 GiB }\n", "EM2012", 5, 26, "is a size in bytes, but a rate is expected");

    [Test]
    public void Unparseable_limit() =>
        AssertRejected(Model + "budgets:\n  params: { max: lots }\n", "EM2009", 3, 18, "'lots' is not a quantity");

    [Test]
    public void Negative_limit() =>
        AssertRejected(Model + "budgets:\n  params: { max: -5 }\n", "EM2009", 3, 18, "must not be negative");

    [Test]
    public void Missing_model_file() =>
        AssertRejected("models:\n  gone: { path: models/absent.onnx }\n", "EM2020", 2, 17, "model 'gone': file 'models/absent.onnx' does not exist");

    [Test]
    public void Duplicate_model_names() =>
        AssertRejected("models:\n  tiny: { path: models/tiny-cnn.onnx }\n  tiny: { path: models/tiny-cnn.onnx }\n", "EM2006", 3, 3, "duplicate key 'tiny' (first at line 2)");

    [Test]
    public void Duplicate_budget_keys() =>
        AssertRejected(Model + "budgets:\n  macs: { max: 1M }\n  params: { max: 1M }\n  macs: { max: 2M }\n", "EM2006", 5, 3, "duplicate key 'macs' (first at line 3)");

    [Test]
    public void Duplicate_top_level_keys() =>
        AssertRejected(Model + "name: a\nname: b\n", "EM2006", 3, 1, "duplicate key 'name'");

    [Test]
    public void Min_above_max() =>
        AssertRejected(Model + "budgets:\n  macs: { max: 1M, min: 2M }\n", "EM2013", 3, 25, "the budget of 'macs' has min 2M above max 1M");

    [Test]
    public void Budget_without_a_bound() =>
        AssertRejected(Model + "budgets:\n  macs: { severity: warning }\n", "EM2014", 3, 3, "the budget of 'macs' has neither max nor min");

    [Test]
    public void Runtime_indicator_under_static_budgets() =>
        AssertRejected(Model + "budgets:\n  latency.p99: { max: 5 ms }\n", "EM2011", 3, 3, "'latency.p99' is a runtime indicator, measured per hardware profile");

    [Test]
    public void Static_indicator_under_a_hardware_profile() =>
        AssertRejected(Model + "hardware:\n  ci-cpu:\n    budgets:\n      params: { max: 1M }\n", "EM2011", 5, 7, "'params' is a static indicator, the same on every machine");

    [Test]
    public void Batch_is_for_runtime_budgets_only() =>
        AssertRejected(Model + "budgets:\n  macs: { max: 1M, batch: 8 }\n", "EM2005", 3, 20, "unknown key 'batch' in the budget of 'macs'");

    [Test]
    public void List_where_a_map_is_expected() =>
        AssertRejected("models:\n  - tiny\n", "EM2004", 2, 3, "'models' must be a map of 'key: value' entries, not a list");

    [Test]
    public void Scalar_where_a_budget_map_is_expected() =>
        AssertRejected(Model + "budgets:\n  flops: 100M\n", "EM2004", 3, 10, "the budget of 'flops' must be a map of 'key: value' entries, not a single value");

    [Test]
    public void Map_where_a_value_is_expected() =>
        AssertRejected("models:\n  tiny: { path: { file: x } }\n", "EM2004", 2, 17, "the path of model 'tiny' must be a single value, not a map");

    [Test]
    public void Spec_that_is_a_list() =>
        AssertRejected("- a\n- b\n", "EM2004", 1, 1, "the spec must be a map");

    [TestCase("")]
    [TestCase("# only a comment\n")]
    [TestCase("---\n")]
    [TestCase("{}\n")]
    public void Empty_spec(string yaml) =>
        AssertRejected(yaml, "EM2003", 1, 1, "the spec is empty");

    [Test]
    public void Spec_without_models() =>
        AssertRejected("name: a\nbudgets:\n  macs: { max: 1M }\n", "EM2008", 1, 1, "the spec has no 'models'");

    [Test]
    public void Model_without_a_path() =>
        AssertRejected("models:\n  tiny: { quality: { top1: 0.5 } }\n", "EM2008", 2, 3, "model 'tiny' has no 'path'");

    [Test]
    public void Empty_models_map() =>
        AssertRejected("models: {}\n", "EM2008", 1, 9, "'models' lists no model");

    [Test]
    public void Unknown_severity() =>
        AssertRejected(Model + "budgets:\n  macs: { max: 1M, severity: warn }\n", "EM2009", 3, 30, "severity is 'warn', which is not one of error, warning; did you mean 'warning'?");

    [Test]
    public void Unknown_optimizer() =>
        AssertRejected(Model + "optimizer: adamw\n", "EM2009", 2, 12, "optimizer is 'adamw', which is not one of sgd, momentum, adam, sam; did you mean 'adam'?");

    [Test]
    public void Unknown_disagreement_mode() =>
        AssertRejected(Model + "disagreement: maybe\n", "EM2009", 2, 15, "disagreement is 'maybe', which is not one of error, warn, off");

    [Test]
    public void Disagreement_mode_is_lowercase_as_the_schema_says() =>
        AssertRejected(Model + "disagreement: Warn\n", "EM2009", 2, 15, "disagreement is 'Warn', which is not one of error, warn, off");

    [Test]
    public void Binding_that_is_not_a_size() =>
        AssertRejected(Model + "bind: { batch: two }\n", "EM2009", 2, 16, "binding 'batch' must be a non-negative whole number");

    [Test]
    public void Binding_shape_with_a_bad_dimension() =>
        AssertRejected(Model + "bind: { image: [1, 3, x, 32] }\n", "EM2009", 2, 23, "binding 'image'");

    [Test]
    public void Quality_that_is_not_a_number() =>
        AssertRejected("models:\n  tiny: { path: models/tiny-cnn.onnx, quality: { top1: good } }\n", "EM2009", 2, 56, "quality 'top1' of model 'tiny'");

    [Test]
    public void Unknown_provider() =>
        AssertRejected(Model + "hardware:\n  gpu:\n    match: { provider: cdua }\n", "EM2009", 4, 24, "provider 'cdua' is not one of cpu, cuda; did you mean 'cuda'?");

    [Test]
    public void Unknown_match_key() =>
        AssertRejected(Model + "hardware:\n  gpu:\n    match: { gpus: \"H200\" }\n", "EM2005", 4, 14, "did you mean 'gpu'?");

    [Test]
    public void Zero_threads() =>
        AssertRejected(Model + "hardware:\n  cpu:\n    threads: 0\n", "EM2009", 4, 14, "threads must be a positive whole number");

    [Test]
    public void Tolerance_without_a_percent_sign() =>
        AssertRejected(Model + "regression:\n  baseline: b.json\n  tolerance: { params: 5 }\n", "EM2012", 4, 24, "but a percentage is expected");

    [Test]
    public void Tolerance_of_an_unknown_indicator() =>
        AssertRejected(Model + "regression:\n  baseline: b.json\n  tolerance: { parms: 1% }\n", "EM2010", 4, 16, "did you mean 'params'?");

    [Test]
    public void Regression_without_a_baseline() =>
        AssertRejected(Model + "regression:\n  tolerance: { default: 1% }\n", "EM2008", 2, 1, "'regression' has neither 'baseline'");

    [Test]
    public void Second_document() =>
        AssertRejected(Model + "---\nname: b\n", "EM2002", 2, 1, "one YAML document");

    [Test]
    public void Alias_without_an_anchor() =>
        AssertRejected(Model + "budgets:\n  macs: *nothing\n", "EM2002", 3, 9, "alias '*nothing' refers to no anchor defined before it");

    [Test]
    public void Missing_spec_file()
    {
        var path = Path.Combine(folder.Path, "absent.yaml");
        var diagnostic = Single(SpecLoader.Load(path));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("EM2001"));
            Assert.That(diagnostic.Location, Is.EqualTo(new SourceLocation(path)));
            Assert.That(diagnostic.ToString(), Is.EqualTo($"{path}: error EM2001: spec file '{path}' does not exist"));
        });
    }

    [Test]
    public void Every_problem_is_reported_in_file_order()
    {
        var result = folder.Load("""
            models:
              tiny: { path: models/tiny-cnn.onnx }
            budgets:
              params: { max: 5 ms }
              mac: { max: 1M }
              macs: { max: 1M, min: 2M }
            hardwre: {}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(result.Spec, Is.Null);
            Assert.That(result.Diagnostics.Select(d => (d.Code, d.Location!.Line)), Is.EqualTo(new[]
            {
                ("EM2012", 4), ("EM2010", 5), ("EM2013", 6), ("EM2005", 7),
            }));
        });
    }

    [Test]
    public void Canonical_form_is_what_msbuild_parses()
    {
        var path = folder.Write(Model + "budgets:\n  params: { max: 5 ms }\n");
        var diagnostic = Single(SpecLoader.Load(path));
        Assert.That(diagnostic.ToString(), Does.StartWith($"{path}(3,18): error EM2012: "));
    }

    private void AssertRejected(string yaml, string code, int line, int column, string message)
    {
        var result = folder.Load(yaml);
        var diagnostic = Single(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Spec, Is.Null);
            Assert.That(diagnostic.Code, Is.EqualTo(code), diagnostic.ToString());
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(diagnostic.Location!.File, Is.EqualTo(Path.Combine(folder.Path, "spec.yaml")));
            Assert.That((diagnostic.Location.Line, diagnostic.Location.Column), Is.EqualTo((line, column)), diagnostic.ToString());
            Assert.That(diagnostic.Message, Does.Contain(message));
        });
    }

    private static Diagnostic Single(SpecLoadResult result)
    {
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1), string.Join("\n", result.Diagnostics));
        return result.Diagnostics[0];
    }
}
