using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Tests.Files;

/// <summary>Paths inside a file stay in its repository (or its folder outside one), by where they really lead.</summary>
public sealed class PathRootTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("misnomer-root-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Inside_a_repository_the_root_is_the_folder_with_git()
    {
        var repository = Path.Combine(folder, "repo");
        Directory.CreateDirectory(Path.Combine(repository, ".git"));
        var specs = Directory.CreateDirectory(Path.Combine(repository, "specs", "deep")).FullName;

        var root = PathRoot.ForFile(Path.Combine(specs, "a.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(root.Folders, Is.EqualTo(new[] { PathRoot.RealPath(repository) }));
            Assert.That(root.Contains(Path.Combine(specs, "..", "..", "models", "m.onnx")), Is.True);
            Assert.That(root.Contains(Path.Combine(specs, "..", "..", "..", "elsewhere.onnx")), Is.False);
        });
    }

    [Test]
    public void A_git_file_marks_a_repository_too()
    {
        // A worktree or submodule has a .git file, not a folder.
        var repository = Directory.CreateDirectory(Path.Combine(folder, "worktree")).FullName;
        File.WriteAllText(Path.Combine(repository, ".git"), "gitdir: elsewhere");
        Assert.That(PathRoot.ForFolder(Path.Combine(repository, "specs")).Folders, Is.EqualTo(new[] { PathRoot.RealPath(repository) }));
    }

    [Test]
    public void Outside_a_repository_the_root_is_the_folder_itself()
    {
        var specs = Directory.CreateDirectory(Path.Combine(folder, "specs")).FullName;
        var root = PathRoot.ForFile(Path.Combine(specs, "a.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(root.Contains(Path.Combine(specs, "models", "m.onnx")), Is.True);
            Assert.That(root.Contains(Path.Combine(specs, "..", "m.onnx")), Is.False);
            Assert.That(root.Contains("/etc/passwd"), Is.False);
        });
    }

    [Test]
    public void A_link_inside_that_leads_outside_is_outside()
    {
        var specs = Directory.CreateDirectory(Path.Combine(folder, "specs")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(folder, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret"), "x");
        SpecialFiles.Link(Path.Combine(specs, "models"), outside);
        SpecialFiles.Link(Path.Combine(specs, "secret.onnx"), Path.Combine(outside, "secret"));

        var root = PathRoot.ForFile(Path.Combine(specs, "a.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(root.Contains(Path.Combine(specs, "models", "secret")), Is.False, "through a linked folder");
            Assert.That(root.Contains(Path.Combine(specs, "secret.onnx")), Is.False, "a linked file");
        });
    }

    [Test]
    public void Dot_dot_after_a_link_is_taken_from_where_the_link_leads()
    {
        // specs/sub -> ../outside/inner, so specs/sub/.. is outside/, not specs/.
        var specs = Directory.CreateDirectory(Path.Combine(folder, "specs")).FullName;
        var inner = Directory.CreateDirectory(Path.Combine(folder, "outside", "inner")).FullName;
        SpecialFiles.Link(Path.Combine(specs, "sub"), inner);
        var root = PathRoot.ForFile(Path.Combine(specs, "a.yaml"));
        Assert.That(root.Contains(Path.Combine(specs, "sub", "..", "x.onnx")), Is.False);
    }

    [Test]
    public void Require_names_the_path_as_written_and_the_root()
    {
        var specs = Directory.CreateDirectory(Path.Combine(folder, "specs")).FullName;
        var root = PathRoot.ForFile(Path.Combine(specs, "a.yaml"));
        var error = Assert.Throws<EfficiencyException>(() => root.Require(Path.Combine(specs, "../../etc/x"), "../../etc/x", "regression.baseline", "spec", null))!;
        Assert.That((error.Code, error.Message), Is.EqualTo((ErrorCodes.PathOutsideRoot,
            $"regression.baseline '../../etc/x' leads outside '{PathRoot.RealPath(specs)}', where the paths in a spec may lead (the repository holding it, or its own folder outside a repository); move the file inside, or give it on the command line")));
    }

    [Test]
    public void A_union_contains_what_either_contains()
    {
        var a = Directory.CreateDirectory(Path.Combine(folder, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(folder, "b")).FullName;
        var root = PathRoot.Union(PathRoot.ForFolder(a), PathRoot.ForFolder(b));
        Assert.That(new[] { root.Contains(Path.Combine(a, "x")), root.Contains(Path.Combine(b, "x")), root.Contains(Path.Combine(folder, "x")) },
            Is.EqualTo(new[] { true, true, false }));
    }
}
