import { describe, expect, it } from 'vitest'
import { formatShellWord, splitArgv } from './argv'

describe('splitArgv', () => {
  it.each([
    ['docker run -d nginx', ['docker', 'run', '-d', 'nginx']],
    [`docker ps --format 'table {{.Names}}\\t{{.Ports}}'`, ['docker', 'ps', '--format', 'table {{.Names}}\\t{{.Ports}}']],
    [`sh -c "echo 'a b'"`, ['sh', '-c', "echo 'a b'"]],
    ["echo '$(not expanded)'", ['echo', '$(not expanded)']],
    // inside double quotes a backslash stays unless it precedes $ ` " \ or a newline (POSIX 2.2.3)
    [`docker ps --format "table {{.ID}}\\t{{.Names}}"`, ['docker', 'ps', '--format', 'table {{.ID}}\\t{{.Names}}']],
    [`echo "a\\"b" "c\\\\d" "e\\$f" "g\\nh"`, ['echo', 'a"b', 'c\\d', 'e$f', 'g\\nh']],
    [`echo a\\tb`, ['echo', 'atb']],
  ])('%s', (line, words) => {
    expect(splitArgv(line)).toEqual({ ok: true, value: words })
  })

  it.each([
    ['docker rm -f $(docker ps -aq)', '"$(…)" (command substitution)'],
    ['docker rm -f `docker ps -aq`', '"`…`" (command substitution)'],
    ['docker ps | grep web', '"|" (pipes, redirection, chaining)'],
    ['docker ps && docker network ls', '"&&" (pipes, redirection, chaining)'],
    ['docker ps; docker network ls', '";" (pipes, redirection, chaining)'],
    ['docker ps > out.txt', '">" (pipes, redirection, chaining)'],
  ])('%s is one command per line, with no expansion', (line, what) => {
    const r = splitArgv(line)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(new RegExp(`^the simulator runs one command per line with no shell expansion; ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not supported`))
  })

  it('reads back every word formatShellWord writes', () => {
    const words = ['plain', 'two words', "it's", 'a"b', '$(x)', '']
    expect(splitArgv(words.map(formatShellWord).join(' '))).toEqual({ ok: true, value: words })
  })
})
