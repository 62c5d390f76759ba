import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractLessonCommands, runLessonCommands } from './lesson-commands'

const LESSONS = path.join(process.cwd(), 'content', 'lessons')
const files = readdirSync(LESSONS).filter((f) => f.endsWith('.mdx')).sort()

describe('extractLessonCommands', () => {
  it.each([
    ['plain docker line', '```sh\ndocker run -d --name web nginx\n```', [{ line: 2, on: 'host1', run: 'docker run -d --name web nginx', mustFail: false }]],
    ['prompt names the host', '```console\nhost2$ docker swarm join --token SWMTKN-1-WORKER 10.77.0.10:2377\nThis node joined a swarm as a worker.\n```', [{ line: 2, on: 'host2', run: 'docker swarm join --token SWMTKN-1-WORKER 10.77.0.10:2377', mustFail: false }]],
    ['bare $ prompt', '```bash\n$ iptables -I DOCKER-USER -s 10.77.0.50 -j DROP\n```', [{ line: 2, on: 'host1', run: 'iptables -I DOCKER-USER -s 10.77.0.50 -j DROP', mustFail: false }]],
    ['continuation lines', '```sh\ndocker network create -d macvlan \\\n  --subnet 10.77.0.0/24 \\\n  -o parent=eth0 lan\n```', [{ line: 2, on: 'host1', run: 'docker network create -d macvlan --subnet 10.77.0.0/24 -o parent=eth0 lan', mustFail: false }]],
    ['fails meta', '```sh fails\ndocker run -d --name web -p 8080:80 nginx\n```', [{ line: 2, on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx', mustFail: true }]],
    ['other languages and prose are not commands', 'docker run x\n```json\n{"docker": 1}\n```\n```text\ndocker run -d nginx\n```', []],
    [
      'nc probes run; prompted curl lines are illustrations; a probe\'s next line is what it shows',
      '```console\nlaptop$ nc -u -z 10.77.0.10 1053\nlaptop$ curl http://10.77.0.10:8080\n<!DOCTYPE html> … Welcome to nginx! …\ncurl http://10.77.0.10\n```',
      [
        { line: 2, on: 'laptop', run: 'nc -u -z 10.77.0.10 1053', mustFail: false },
        { line: 3, on: 'laptop', run: 'curl http://10.77.0.10:8080', mustFail: false, illustration: true, shows: '<!DOCTYPE html> … Welcome to nginx! …' },
      ],
    ],
    ['output lines are ignored', '```sh\n$ docker ps\nCONTAINER ID   IMAGE\n# docker is a comment here\n```', [{ line: 2, on: 'host1', run: 'docker ps', mustFail: false }]],
  ])('%s', (_name, source, expected) => {
    expect(extractLessonCommands(source)).toEqual(expected)
  })
})

describe('runLessonCommands', () => {
  it('reports a command the engine rejects, and a probe that is not delivered', () => {
    const runs = runLessonCommands(
      extractLessonCommands('```sh\ndocker run -d --name web nginx\ndocker run -d --name web nginx\ndocker exec web ping -c 1 nosuchname\n```'),
    )
    expect(runs.map((r) => r.ok)).toEqual([true, false, false])
    expect(runs[1]?.output).toMatch(/is already in use/)
  })

  it('runs an nc line as a probe: it works when its datagram is delivered', () => {
    const runs = runLessonCommands(
      extractLessonCommands('```console\n$ docker run -d --name dns -p 1053:53/udp alpine nc -u -l -p 53\nlaptop$ nc -u -z 10.77.0.10 1053\nlaptop$ nc -u -z 10.77.0.10 1054\n```'),
    )
    expect(runs.map((r) => r.ok)).toEqual([true, true, false])
    expect(runs[1]?.output).toMatch(/^Connection to 10\.77\.0\.10 1053 port \[udp\/\*\] succeeded!/)
  })
})

// Issue 7: every command a lesson shows runs unchanged in the simulator and behaves as the text says (works, or
// fails where the block is marked `fails`).
describe.each(files)('the commands in content/lessons/%s', (file) => {
  it('run in the simulator as the lesson says', () => {
    const runs = runLessonCommands(extractLessonCommands(readFileSync(path.join(LESSONS, file), 'utf8')))
    const wrong = runs
      .filter((r) => r.illustration !== true && r.ok === r.mustFail)
      .map((r) => `${file}:${r.line} (${r.on}) ${r.run}\n    expected it to ${r.mustFail ? 'fail' : 'work'}; the simulator said: ${r.output.split('\n').join(' | ')}`)
    expect(wrong, wrong.join('\n')).toEqual([])
  })
})

// What a lesson's console block says a probe prints is what the terminal prints for the same command there.
describe.each(files)('the probe outputs shown in content/lessons/%s', (file) => {
  it('are what the terminal prints', () => {
    const runs = runLessonCommands(extractLessonCommands(readFileSync(path.join(LESSONS, file), 'utf8')))
    const differ = runs
      .filter((r) => r.shows !== undefined && r.output.split('\n')[0] !== r.shows)
      .map((r) => `${file}:${r.line + 1} (${r.on}) ${r.run}\n    the lesson shows: ${r.shows}\n    the terminal prints: ${r.output.split('\n')[0]}`)
    expect(differ, differ.join('\n')).toEqual([])
  })
})
