// Chooses the recipe for a shape: Fedora-style macros (%configure,
// %cmake, %meson, %pyproject_*, %cargo_*, %gobuild, Perl vendor installs),
// with plain-Makefile overrides for PREFIX/DESTDIR/CFLAGS (research 4.2, pitfall 16).
using OpsKit.Rpm.Source;

namespace OpsKit.Rpm.Spec;

/// <summary>Recipes per shape.</summary>
public static class RecipeBook
{
    /// <summary>The recipe for an inspected source.</summary>
    public static Recipe For(Inspection s)
    {
        var m = s.Meta;
        var recipe = s.Shape switch
        {
            Shape.Autotools or Shape.AutotoolsBootstrap => Autotools(s),
            Shape.CMake => new Recipe
            {
                Globals = SourceDir(m),
                BuildRequires = ["cmake"], Conf = ["%cmake"], Build = ["%cmake_build"], Install = ["%cmake_install"],
                Check = m.CheckTarget is null ? [] : ["%ctest"],
            },
            Shape.Meson => new Recipe
            {
                Globals = SourceDir(m),
                BuildRequires = ["meson"], Conf = ["%meson"], Build = ["%meson_build"], Install = ["%meson_install"],
                Check = m.CheckTarget is null ? [] : ["%meson_test"],
            },
            Shape.Makefile => Makefile(s),
            Shape.Python => Python(s),
            Shape.Go => Go(s),
            Shape.Rust => Rust(s),
            Shape.PerlMakeMaker or Shape.PerlModuleBuild => Perl(s),
            _ => Scripts(s),
        };
        var compilers = new List<string>();
        if (s.Shape.IsCompiled() && s.Shape is not (Shape.Go or Shape.Rust))
        {
            if (m.UsesC) compilers.Add("gcc");
            if (m.UsesCxx) compilers.Add("gcc-c++");
        }
        recipe.BuildRequires.InsertRange(0, compilers);
        foreach (var br in m.BuildRequires) if (!recipe.BuildRequires.Contains(br)) recipe.BuildRequires.Add(br);
        return recipe;
    }

    /// <summary>Build files in a subfolder (lz4's build/cmake): Fedora's %cmake and %meson take the source folder from %_vpath_srcdir.</summary>
    private static List<string> SourceDir(ProjectMetadata m) =>
        m.SourceDir is { } dir ? [$"%global _vpath_srcdir {dir}", ""] : [];

    private static Recipe Autotools(Inspection s)
    {
        if (s.Meta.PlainConfigure is { } plain)
        {
            // Not autoconf's: %configure's --host/--build/--program-prefix would stop it ("unknown option").
            return new Recipe
            {
                BuildRequires = ["make"], Conf = ["%set_build_flags", "./configure " + string.Join(' ', plain)],
                Build = ["%make_build"], Install = ["%make_install"], Check = s.Meta.CheckTarget is { } t ? [$"%make_build {t}"] : [],
            };
        }
        var r = new Recipe { BuildRequires = ["make"], Build = ["%make_build"], Install = ["%make_install"], Check = ["%make_build check"] };
        if (s.Shape == Shape.AutotoolsBootstrap)
        {
            r.BuildRequires.AddRange(["autoconf", "automake"]);
            if (s.Meta.UsesLibtool) r.BuildRequires.Add("libtool");
            // autoreconf runs autopoint for AM_GNU_GETTEXT; Fedora's gettext-devel carries it.
            if (s.Meta.BuildRequires.Contains("gettext-devel")) r.BuildRequires.Add("gettext-devel");
            // The project's own script when configure.ac includes a file only it makes (libuv: autogen.sh); NOCONFIGURE
            // keeps the scripts that would run configure themselves from doing so (%configure follows).
            r.Conf.Add(s.Meta.BootstrapScript is { } script
                ? (File.GetUnixFileMode(s.Tree.File(script)).HasFlag(UnixFileMode.UserExecute) ? $"NOCONFIGURE=1 ./{script}" : $"NOCONFIGURE=1 sh {script}")
                : "autoreconf -fiv");
        }
        r.Conf.Add("%configure" + (s.Meta.UsesLibtool ? " --disable-static" : "") + string.Concat(s.Meta.ConfigureArgs.Select(a => " " + a)));
        // libtool hardcodes the build tree's .libs as RUNPATH into programs linked with their own library
        // (jq 1.6; rpmlint: binary-or-shlib-defines-rpath): Fedora's guideline "Beware of Rpath" edits the script.
        if (s.Meta.UsesLibtool)
        {
            const string sed = "-e 's|^hardcode_libdir_flag_spec=.*|hardcode_libdir_flag_spec=\"\"|g' -e 's|^runpath_var=LD_RUN_PATH|runpath_var=DIE_RPATH_DIE|g'";
            // Some configure scripts write libtool into a build folder named after the host (libffi 3.4.4:
            // x86_64-pc-linux-gnu/libtool), where the top-level sed would stop %conf with "can't read libtool".
            r.Conf.Add(s.Meta.LibtoolInSubfolder ? $"find . -name libtool -type f -exec sed -i {sed} {{}} +" : $"sed -i {sed} libtool");
        }
        if (s.Meta.UsesLibtool) r.Install.Add("find %{buildroot} -name '*.la' -delete");
        if (s.Meta.CheckTarget is null) r.Check.Clear();
        // A hand-written Makefile.in without an install target (dtach 0.9): %install copies what the trial build produced.
        if (s.Meta.Makefile is { HasInstall: false }) { r.Install.Clear(); return r with { InstallFromBuild = true }; }
        return r;
    }

    private static Recipe Makefile(Inspection s)
    {
        var f = s.Meta.Makefile!;
        var vars = MakeVariables(f);
        var flags = f.SetsCflags ? " CFLAGS=\"%{build_cflags}\" LDFLAGS=\"%{?build_ldflags}\"" : "";
        var r = new Recipe
        {
            BuildRequires = ["make"],
            Build = ["%set_build_flags", $"%make_build{flags}{vars}".TrimEnd()],
            Check = s.Meta.CheckTarget is { } t ? [$"%make_build {t}"] : [],
        };
        if (!f.HasInstall) return r with { InstallFromBuild = true };
        // Without DESTDIR support the prefix itself must point into the buildroot, and so must every folder
        // variable the Makefile derives from PREFIX (tree: DESTDIR=${PREFIX}/bin is its bindir).
        if (f.HonoursDestDir) r.Install.Add($"%make_install{vars}".TrimEnd());
        else
        {
            var staged = vars.Replace("=%{_", "=%{buildroot}%{_", StringComparison.Ordinal);
            foreach (var (name, sub) in f.PrefixVariables)
            {
                if (f.Variables.Contains(name) && name != "DESTDIR") continue;
                staged += $" {name}=%{{buildroot}}{PrefixFolder(sub)}";
            }
            r.Install.Add($"%{{__make}} install{staged}");
        }
        return r;
    }

    private static string PrefixFolder(string sub) => sub.TrimEnd('/') switch
    {
        "bin" => "%{_bindir}", "sbin" => "%{_sbindir}", "lib" => "%{_libdir}", "include" => "%{_includedir}",
        "share" => "%{_datadir}", "man" or "share/man" => "%{_mandir}", "etc" => "%{_sysconfdir}",
        var other => "%{_prefix}/" + other,
    };

    /// <summary>" PREFIX=%{_prefix} BINDIR=%{_bindir} ..." for the variables the Makefile reads.</summary>
    public static string MakeVariables(MakefileFacts f)
    {
        var map = new (string Var, string Macro)[]
        {
            ("PREFIX", "%{_prefix}"), ("prefix", "%{_prefix}"), ("BINDIR", "%{_bindir}"), ("bindir", "%{_bindir}"),
            ("SBINDIR", "%{_sbindir}"), ("LIBDIR", "%{_libdir}"), ("libdir", "%{_libdir}"), ("INCLUDEDIR", "%{_includedir}"),
            ("DATADIR", "%{_datadir}"), ("datadir", "%{_datadir}"), ("MANDIR", "%{_mandir}"), ("mandir", "%{_mandir}"),
            ("SYSCONFDIR", "%{_sysconfdir}"), ("sysconfdir", "%{_sysconfdir}"),
        };
        return string.Concat(map.Where(p => f.Variables.Contains(p.Var))
            .Select(p => $" {p.Var}={(f.ManDirIsSection1 && p.Var is "MANDIR" or "mandir" ? p.Macro + "/man1" : p.Macro)}"));
    }

    private static Recipe Python(Inspection s)
    {
        var modules = s.Meta.PythonModules.Count > 0 ? string.Join(' ', s.Meta.PythonModules) : "'*'";
        var hasC = Directory.EnumerateFiles(s.Tree.Root, "*.c", SearchOption.AllDirectories).Any();
        var r = new Recipe
        {
            BuildRequires = ["python3-devel"],
            GenerateBuildRequires = ["%pyproject_buildrequires"],
            Build = ["%pyproject_wheel"],
            Install = ["%pyproject_install", $"%pyproject_save_files -l {modules}"],
            Check = ["%pyproject_check_import"],
            NoArch = !hasC,
            FilesArgs = "-f %{pyproject_files}",
            KnownFiles = s.Meta.Binaries.Select(b => $"%{{_bindir}}/{b}").ToList(),
        };
        if (s.Meta.CheckTarget == "pytest")
        {
            r.BuildRequires.Add("python3-pytest");
            r.Check.Add("%pytest");
        }
        if (hasC) r.BuildRequires.Insert(0, "gcc");
        return r;
    }

    private static Recipe Go(Inspection s)
    {
        var path = s.Meta.GoImportPath ?? s.Name;
        var build = s.Meta.Binaries.Select(b => b == path.Split('/')[^1] && !Directory.Exists(s.Tree.File(Path.Combine("cmd", b)))
            ? $"%gobuild -o %{{gobuilddir}}/bin/{b} %{{goipath}}"
            : $"%gobuild -o %{{gobuilddir}}/bin/{b} %{{goipath}}/cmd/{b}").ToList();
        return new Recipe
        {
            Globals = [$"%global goipath {path}", "", "%gometa -f", ""],
            BuildRequires = ["go-rpm-macros"],
            SetupLine = "%goprep -A\n%autopatch -p1",
            GenerateBuildRequires = ["%go_generate_buildrequires"],
            Build = build,
            Install = ["install -m 0755 -vd %{buildroot}%{_bindir}", "install -m 0755 -vp %{gobuilddir}/bin/* %{buildroot}%{_bindir}/"],
            Check = ["%gocheck"],
            KnownFiles = s.Meta.Binaries.Select(b => $"%{{_bindir}}/{b}").ToList(),
        };
    }

    private static Recipe Rust(Inspection s) => new()
    {
        BuildRequires = ["cargo-rpm-macros >= 24"],
        Prep = ["%cargo_prep"],
        GenerateBuildRequires = ["%cargo_generate_buildrequires"],
        Build = ["%cargo_build", "%{cargo_license_summary}", "%{cargo_license} > LICENSE.dependencies"],
        Install = ["%cargo_install"],
        Check = ["%cargo_test"],
        KnownFiles = ["%license LICENSE.dependencies", .. s.Meta.Binaries.Select(b => $"%{{_bindir}}/{b}")],
    };

    private static Recipe Perl(Inspection s)
    {
        var mb = s.Shape == Shape.PerlModuleBuild;
        var r = new Recipe
        {
            BuildRequires = ["make", "perl-generators", "perl-interpreter"],
            Build = mb ? ["perl Build.PL --installdirs=vendor", "./Build"]
                : ["perl Makefile.PL INSTALLDIRS=vendor NO_PACKLIST=1 NO_PERLLOCAL=1", "%make_build"],
            Install = mb ? ["./Build install --destdir=%{buildroot} --create_packlist=0", "%{_fixperms} %{buildroot}/*"]
                : ["%make_install", "%{_fixperms} %{buildroot}/*"],
            Check = [mb ? "./Build test" : "make test"],
            NoArch = !s.Meta.UsesC,
        };
        if (s.Meta.UsesC) r.BuildRequires.Insert(0, "gcc");
        return r;
    }

    private static Recipe Scripts(Inspection s)
    {
        var install = new List<string>();
        var files = new List<string>();
        foreach (var script in s.Meta.Scripts)
        {
            var name = Path.GetFileName(script);
            install.Add($"install -Dpm 0755 {script} %{{buildroot}}%{{_bindir}}/{name}");
            files.Add($"%{{_bindir}}/{name}");
        }
        foreach (var page in Directory.EnumerateFiles(s.Tree.Root, "*", SearchOption.AllDirectories)
                     .Select(p => Path.GetRelativePath(s.Tree.Root, p)).Where(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^(man/)?[\w.+-]+\.[1-8]$"))
                     .Order(StringComparer.Ordinal))
        {
            var section = page[^1];
            var name = Path.GetFileName(page);
            install.Add($"install -Dpm 0644 {page} %{{buildroot}}%{{_mandir}}/man{section}/{name}");
            files.Add($"%{{_mandir}}/man{section}/{name}*");
        }
        return new Recipe { Install = install, Check = s.Meta.Scripts.Where(p => ScriptFinder.Interpreter(s.Tree.File(p)) is "sh" or "bash").Select(p => $"bash -n {p}").ToList(), NoArch = true, KnownFiles = files };
    }
}
