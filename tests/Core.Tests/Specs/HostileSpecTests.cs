using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>
/// Specs written by a careless user or an attacker: each is a coded diagnostic with a location, found in bounded time
/// and memory; none crashes, hangs, or prints the file's contents or a line of its own.
/// </summary>
public sealed class HostileSpecTests
{
    private const string Model = "models: { tiny: { path: models/tiny-cnn.onnx } }\n";
    private const string Secret = "hunter2-s3cr3t";

    private SpecFolder folder = null!;

    [SetUp]
    public void Create() => folder = new SpecFolder();

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public void An_unclosed_brace_followed_by_more_keys_is_a_syntax_error_at_the_brace()
    {
        var result = folder.Load("name: unclosed\n" + Model + "budgets:\n  params: { max: 20M\n  macs: { max: 3M }\n  depth: { max: 16 }\n");
        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Spec, Is.Null);
            Assert.That(diagnostic.Code, Is.EqualTo(ErrorCodes.SpecSyntax));
            Assert.That(diagnostic.Message, Does.StartWith("YAML syntax error: "));
            Assert.That((diagnostic.Location!.Line, diagnostic.Location.Column), Is.EqualTo((4, 11)), diagnostic.ToString());
        });
    }

    [TestCase("{ a: [1, 2")]
    [TestCase("models: { tiny: { path: x.onnx }\nbudgets: [")]
    [TestCase("- [ { a: b\n- c: d\n")]
    [TestCase("\"unterminated\n")]
    [TestCase("key: 'unterminated\nother: 1\n")]
    [TestCase("a: &x [*x]\n")]
    [TestCase("a: !!binary |\n  not base64 at all\n")]
    [TestCase("%YAML 9.9\n---\na: 1\n")]
    [TestCase("\t- tab\n")]
    [TestCase("a:\n  - b\n c: d\n")]
    [TestCase("? [complex]\n: key\n")]
    [TestCase("\u0000\u0001\u0002")]
    public void Broken_yaml_is_a_coded_diagnostic_never_an_exception(string yaml)
    {
        var result = folder.Load(yaml);
        Assert.That(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Not.Empty);
        Assert.That(result.Diagnostics.Select(d => d.Code), Has.All.Match("^EM20[0-9][0-9]$"));
    }

    [Test]
    public void Deep_nesting_is_refused_without_recursing_into_it()
    {
        var result = folder.Load("a: " + new string('[', 100_000));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(ErrorCodes.SpecSyntax));
    }

    [Test]
    public void An_alias_bomb_is_refused_quickly()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var level = 'b'; level <= 'k'; level++)
        {
            var previous = (char)(level - 1);
            yaml += $"{level}: &{level} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]\n";
        }

        var result = SpecialFiles.WithinSeconds(10, () => folder.Load(yaml + Model));
        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Message), Is.EqualTo((ErrorCodes.SpecSyntax,
            "YAML syntax error: the document holds more than 500000 values (aliases counted each time they are used); a spec needs far fewer")));
    }

    [Test]
    public void A_spec_linked_to_a_secrets_file_never_shows_its_contents()
    {
        foreach (var secrets in new[]
        {
            $"API_TOKEN={Secret}\nOTHER=1\n",
            $"-----BEGIN OPENSSH PRIVATE KEY-----\n{Secret}\n-----END OPENSSH PRIVATE KEY-----\n",
            $"models: {Secret}\n",
            $"name: x\nmodels: {Secret}\nbudgets: {Secret}\n",
            $"{{ \"token\": \"{Secret}\", \"models\": [\"{Secret}\"] }}",
            $"machine example.com login me password {Secret}",
        })
        {
            var target = folder.Write(secrets, "secrets.env");
            var link = SpecialFiles.Link(Path.Combine(folder.Path, $"spec-{Guid.NewGuid():N}.yaml"), target);
            var text = string.Join("\n", SpecLoader.Load(link).Diagnostics);
            Assert.That(text, Does.Not.Contain(Secret).And.Not.Contain("hunter2"), secrets);
        }
    }

    [Test]
    public void A_scalar_where_a_map_belongs_is_named_by_its_kind_not_its_text()
    {
        var diagnostic = folder.Load(Model + $"budgets: {Secret}\n").Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Message), Is.EqualTo((ErrorCodes.SpecWrongType, "'budgets' must be a map of 'key: value' entries, not a single value")));
    }

    [Test]
    public void A_model_name_with_a_line_break_and_escapes_cannot_forge_a_log_line()
    {
        var diagnostics = folder.Load("models:\n  \"tiny\\n::error file=x::forged\\u001b[32m PASS\": { path: models/absent.onnx }\n").Diagnostics;
        var line = diagnostics.Single().ToString();
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Not.Contain("\n").And.Not.Contain("\u001b"));
            Assert.That(line, Does.Contain("model 'tiny\\n::error file=x::forged\\u001b[32m PASS': file 'models/absent.onnx' does not exist"));
        });
    }

    [Test]
    public void A_very_long_key_is_cut_in_messages()
    {
        var key = new string('k', 1_000);
        var diagnostic = folder.Load(Model + $"{key}: 1\n").Diagnostics.Single();
        Assert.That(diagnostic.Message, Has.Length.LessThan(1_000).And.Contain("more characters"));
    }

    [Test]
    public void A_model_path_that_leaves_the_spec_s_folder_is_refused()
    {
        var diagnostic = folder.Load("models:\n  tiny: { path: ../../../etc/passwd }\n").Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo(ErrorCodes.PathOutsideRoot));
            Assert.That((diagnostic.Location!.Line, diagnostic.Location.Column), Is.EqualTo((2, 17)));
            Assert.That(diagnostic.Message, Does.StartWith("the path of model 'tiny' '../../../etc/passwd' leads outside "));
        });
    }

    [Test]
    public void An_absolute_model_path_outside_is_refused_too() =>
        Assert.That(folder.Load("models:\n  tiny: { path: /etc/hostname }\n").Diagnostics.Single().Code, Is.EqualTo(ErrorCodes.PathOutsideRoot));

    [Test]
    public void A_baseline_path_that_leaves_the_spec_s_folder_is_refused()
    {
        var diagnostic = folder.Load(Model + "regression:\n  baseline: ../../etc/x\n").Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Location!.Line), Is.EqualTo((ErrorCodes.PathOutsideRoot, 3)));
    }

    [Test]
    public void A_model_linked_from_outside_is_outside()
    {
        var outside = Directory.CreateTempSubdirectory("misnomer-outside-").FullName;
        try
        {
            File.Copy(Path.Combine(folder.Path, "models", "tiny-cnn.onnx"), Path.Combine(outside, "m.onnx"));
            SpecialFiles.Link(Path.Combine(folder.Path, "models", "linked.onnx"), Path.Combine(outside, "m.onnx"));
            Assert.That(folder.Load("models:\n  m: { path: models/linked.onnx }\n").Diagnostics.Single().Code, Is.EqualTo(ErrorCodes.PathOutsideRoot));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Test]
    public void The_bundled_specs_stay_inside_the_repository()
    {
        foreach (var spec in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "specs"), "*.yaml", SearchOption.AllDirectories))
        {
            var outside = SpecLoader.Load(spec).Diagnostics.Where(d => d.Code == ErrorCodes.PathOutsideRoot);
            Assert.That(outside, Is.Empty, spec);
        }
    }

    [Test]
    public void A_fifo_named_as_the_model_is_refused_at_load_without_opening_it()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder.Path, "models", "pipe.onnx"));
        try
        {
            var result = SpecialFiles.WithinSeconds(10, () => StaticGate.Check(new[] { folder.Write("models:\n  m: { path: models/pipe.onnx }\n") }));
            var diagnostic = result.Diagnostics.Single();
            Assert.That((diagnostic.Code, diagnostic.Message), Is.EqualTo((ErrorCodes.InputNotRegularFile,
                "model 'm': 'models/pipe.onnx' is a FIFO (named pipe), not a regular file; a model path names an ONNX file")));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_folder_named_as_the_model_is_refused_by_its_kind() =>
        Assert.That(folder.Load("models:\n  m: { path: models }\n").Diagnostics.Single().Message, Does.Contain("is a folder, not a regular file"));

    [Test]
    public void A_fifo_given_as_the_spec_is_refused_at_once()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder.Path, "spec.yaml"));
        try
        {
            var diagnostic = SpecialFiles.WithinSeconds(10, () => SpecLoader.Load(fifo)).Diagnostics.Single();
            Assert.That((diagnostic.Code, diagnostic.Location!.File), Is.EqualTo((ErrorCodes.InputNotRegularFile, fifo)));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_50_megabyte_spec_is_refused_before_it_is_read()
    {
        var path = Path.Combine(folder.Path, "huge.yaml");
        using (var writer = new StreamWriter(path))
        {
            writer.Write(Model + "budgets:\n");
            for (var i = 0; i < 1_000_000; i++)
            {
                writer.Write("  # a comment line of some fifty characters......\n");
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var diagnostic = SpecLoader.Load(path).Diagnostics.Single();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo(ErrorCodes.InputTooLarge));
            Assert.That(diagnostic.Message, Does.Contain("more than the 4 MiB a spec file may be"));
            Assert.That(allocated, Is.LessThan(1 << 20), "nothing of it was read");
        });
    }

    [TestCase("1e400")]
    [TestCase("1e30")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("-0.5")]
    [TestCase("99999999999999999999999999999999999G")]
    public void A_limit_that_is_not_a_finite_non_negative_number_is_refused(string limit)
    {
        var diagnostic = folder.Load(Model + $"budgets:\n  params: {{ max: {limit} }}\n").Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo(ErrorCodes.SpecInvalidValue).Or.EqualTo(ErrorCodes.BudgetWrongUnit), diagnostic.ToString());
    }

    [TestCase("threads: 1e400")]
    [TestCase("threads: -1")]
    [TestCase("price_per_hour: NaN")]
    [TestCase("grid_intensity: 1e400")]
    public void A_profile_number_that_is_not_finite_is_refused(string entry)
    {
        var diagnostic = folder.Load(Model + $"hardware:\n  cpu:\n    {entry}\n").Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo(ErrorCodes.SpecInvalidValue), diagnostic.ToString());
    }
}
