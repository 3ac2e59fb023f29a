// Command vanban crawls Vietnamese government portals, indexes the
// documents and answers searches over them, from one binary.
//
// This package is the command line only: per command, its flags parsed
// into an Options struct and one call of internal/app (app.RunCrawl…),
// plus the command table, signal handling and the exit codes. What the
// commands do, and the architecture, is described in internal/app.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"

	"github.com/vanban/vanban/internal/app"
)

// command is one subcommand, in the style of cmd/go's base.Command.
type command struct {
	name  string
	usage string // one line: arguments after the name
	short string // one-line description
	run   func(ctx context.Context, env *env, args []string) error
}

// env is what every subcommand gets: the data directory and the standard
// streams. There is no other global state.
type env struct {
	app.Env
	dataSet bool   // --data or $VANBAN_DATA was given
	server  string // --server before the command name, else $VANBAN_SERVER
}

// Exit codes, after sysexits.h.
const (
	exitFailure   = 1  // the command failed (crawl, nightly: some pages failed)
	exitUsage     = 2  // bad flags or arguments
	exitLocked    = 75 // EX_TEMPFAIL: another vanban holds the data directory or the nightly lock
	exitBadConfig = 78 // EX_CONFIG: bad sites file
)

// errUsage marks a usage error (exit code 2); the message was printed.
var errUsage = errors.New("usage")

func commands() []*command {
	cs := []*command{
		cmdCheck(),
		cmdCrawl(),
		cmdDemo(),
		cmdEval(),
		cmdExtract(),
		cmdIndex(),
		cmdIngest(),
		cmdLinks(),
		cmdNightly(),
		cmdRefs(),
		cmdSearch(),
		cmdServe(),
		cmdStats(),
		cmdStatus(),
		cmdStore(),
		cmdTasks(),
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	return cs
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// defaultData is $VANBAN_DATA, else ./vanban-data.
func defaultData() string {
	if d := os.Getenv("VANBAN_DATA"); d != "" {
		return d
	}
	return "vanban-data"
}

// run parses the global flags, dispatches to a subcommand and maps its
// error to an exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{Env: app.Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}}
	fs := flag.NewFlagSet("vanban", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&e.Data, "data", defaultData(), "data `DIR` (store and index); default $VANBAN_DATA or ./vanban-data")
	fs.StringVar(&e.server, "server", os.Getenv("VANBAN_SERVER"), "the read commands (search, refs, links, tasks) ask the server at `URL` instead of the data directory; default $VANBAN_SERVER")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the command to `FILE` (go tool pprof)")
	fs.Usage = func() { usage(stderr, fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return exitUsage
	}
	fs.Visit(func(f *flag.Flag) { e.dataSet = e.dataSet || f.Name == "data" })
	e.dataSet = e.dataSet || os.Getenv("VANBAN_DATA") != ""
	if fs.NArg() == 0 {
		usage(stderr, fs)
		return exitUsage
	}
	name, rest := fs.Arg(0), fs.Args()[1:]
	if name == "help" {
		usage(stdout, fs)
		return 0
	}
	serverSet := false
	fs.Visit(func(f *flag.Flag) { serverSet = serverSet || f.Name == "server" })
	if serverSet && !readsServer[name] {
		fmt.Fprintf(stderr, "vanban: --server is for search, refs, links and tasks, not %s\n", name)
		return exitUsage
	}
	for _, c := range commands() {
		if c.name == name {
			if *cpuprofile != "" {
				stop, err := startCPUProfile(*cpuprofile)
				if err != nil {
					fmt.Fprintf(stderr, "vanban: %v\n", err)
					return exitFailure
				}
				defer stop()
			}
			return exitCode(c.run(ctx, e, rest), stderr, name)
		}
	}
	fmt.Fprintf(stderr, "vanban: unknown command %q\n", name)
	usage(stderr, fs)
	return exitUsage
}

// exitCode maps a command's error to the exit code, printing the error.
func exitCode(err error, stderr io.Writer, name string) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return exitUsage
	}
	fmt.Fprintf(stderr, "vanban %s: %v\n", name, err)
	switch {
	case errors.Is(err, app.ErrLocked):
		return exitLocked
	case errors.Is(err, app.ErrBadConfig):
		return exitBadConfig
	}
	return exitFailure
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "vanban: search Vietnamese government documents.\n\nUsage: vanban [--data DIR] COMMAND [flags] [args]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.short)
	}
	fmt.Fprintf(w, "\nGlobal flags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintf(w, "\nRun `vanban COMMAND --help` for a command's flags.\n")
}

// newFlags returns a subcommand's flag set, which also accepts --data so
// that `vanban search --data D q` works like `vanban --data D search q`.
func newFlags(e *env, c *command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	fs.Func("data", "data `DIR` (store and index)", func(s string) error {
		e.Data, e.dataSet = s, true
		return nil
	})
	fs.Usage = func() {
		fmt.Fprintf(e.Stderr, "Usage: vanban %s %s\n\n%s\n\nFlags:\n", c.name, c.usage, c.short)
		fs.PrintDefaults()
	}
	return fs
}

// serverFlag adds --server to a read command (search, refs, links, tasks):
// the URL of a running `vanban serve` to ask instead of the data directory,
// default $VANBAN_SERVER. Without it, a directory a server holds is asked
// of that server, found by its address file (DATA/serve.json).
func serverFlag(e *env, fs *flag.FlagSet, dst *string) {
	fs.StringVar(dst, "server", e.server, "ask the server at `URL` (http://127.0.0.1:8080/) instead of the data directory; default $VANBAN_SERVER, else the vanban serve holding the directory (DATA/serve.json)")
}

// readsServer are the commands that take --server.
var readsServer = map[string]bool{"search": true, "refs": true, "links": true, "tasks": true}

// parseFlags parses args, allowing flags after positional arguments
// (`vanban search nghị quyết --limit 5`). Everything after "--" is
// positional, so a query may hold -exclusions (`vanban search -- a -b`).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for i, a := range args {
		if a == "--" {
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		for len(args) > 0 && (args[0] == "-" || !strings.HasPrefix(args[0], "-")) { // "-" is stdin, not a flag
			pos = append(pos, args[0])
			args = args[1:]
		}
		if len(args) == 0 {
			return append(pos, rest...), nil
		}
	}
}

// startCPUProfile profiles the process into path until the returned stop
// is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
