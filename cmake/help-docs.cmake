# Writes the man page tenkai(1) and the bash completion from the built program's own --help
# output, so both follow the help text (a new command appears in all three at once).
#   cmake -DTENKAI=<built tenkai> -DMAN=<out.1> [-DCOMPLETION=<out>] [-DLANGUAGE=ja]
#         [-DVERSION=x.y.z] -P help-docs.cmake
cmake_minimum_required(VERSION 3.25)

# Section names: the man-pages conventions of each language.
set(h_name NAME)
set(h_synopsis SYNOPSIS)
set(h_description DESCRIPTION)
set(h_commands COMMANDS)
set(h_see_also "SEE ALSO")
set(h_manual "User Commands")
set(see_also "The user guide in /usr/share/doc/tenkai (README.md, README.ja.md).")
if(LANGUAGE STREQUAL "ja")
  set(h_name 名前)
  set(h_synopsis 書式)
  set(h_description 説明)
  set(h_commands コマンド)
  set(h_see_also 関連項目)
  set(h_manual ユーザーコマンド)
  set(see_also "利用の手引き: /usr/share/doc/tenkai/README.ja.md")
endif()
if(LANGUAGE)
  set(ENV{LANGUAGE} "${LANGUAGE}")
  set(ENV{LC_ALL} "C.UTF-8")
  set(fill OFF)  # Japanese prose has no spaces: keep the help's own line breaks
else()
  set(ENV{LANGUAGE} "")
  set(ENV{LC_ALL} "C")
  set(fill ON)
endif()
unset(ENV{LANG})
unset(ENV{TENKAI_HOME})

function(run_help out)
  execute_process(COMMAND "${TENKAI}" ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${TENKAI} ${ARGN} exited ${code}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(split_lines text out)
  string(REPLACE ";" "@SEMICOLON@" text "${text}")  # restored when the files are written
  string(REPLACE "\n" ";" lines "${text}")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

function(roff_escape text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  if(text MATCHES "^[.']")
    set(text "\\&${text}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Paragraphs of help text as roff: prose filled (or not, for Japanese), indented lines kept.
function(roff_body lines out)
  set(roff "")
  set(mode "")
  foreach(line IN LISTS lines)
    roff_escape("${line}" line)
    if(line STREQUAL "")
      if(mode STREQUAL "nf")
        string(APPEND roff ".fi\n")
      endif()
      set(mode "")
      continue()
    endif()
    if(line MATCHES "^ " OR NOT fill)
      if(NOT mode STREQUAL "nf")
        string(APPEND roff ".PP\n.nf\n")
        set(mode "nf")
      endif()
    elseif(mode STREQUAL "nf")
      string(APPEND roff ".fi\n")
      set(mode "fill")
    elseif(mode STREQUAL "")
      string(APPEND roff ".PP\n")
      set(mode "fill")
    endif()
    string(APPEND roff "${line}\n")
  endforeach()
  if(mode STREQUAL "nf")
    string(APPEND roff ".fi\n")
  endif()
  set(${out} "${roff}" PARENT_SCOPE)
endfunction()

run_help(main_help --help)
split_lines("${main_help}" lines)

# First line: "tenkai — summary". Then "usage:" and its indented lines, then the notes.
list(POP_FRONT lines title)
string(REGEX REPLACE "^tenkai[ ]*(—|-)+[ ]*" "" summary "${title}")
set(synopsis "")
set(notes "")
set(commands "")
set(state before)
foreach(line IN LISTS lines)
  if(state STREQUAL before AND line MATCHES "^usage:")
    set(state usage)
  elseif(state STREQUAL usage AND line MATCHES "^  ")
    string(STRIP "${line}" stripped)
    list(APPEND synopsis "${stripped}")
    if(stripped MATCHES "^tenkai ([a-z][a-z0-9-]*)( |$)")
      list(APPEND commands "${CMAKE_MATCH_1}")
    endif()
  elseif(NOT state STREQUAL before)
    set(state notes)
    list(APPEND notes "${line}")
  endif()
endforeach()
list(REMOVE_DUPLICATES commands)
if(NOT commands)
  message(FATAL_ERROR "no commands found in '${TENKAI} --help'")
endif()

roff_escape("${summary}" summary)
set(man ".\\\" Generated from 'tenkai --help' at build time; edit the help text in app/cli.cpp.\n")
string(APPEND man ".TH TENKAI 1 \"\" \"tenkai ${VERSION}\" \"${h_manual}\"\n")
string(APPEND man ".SH ${h_name}\ntenkai \\- ${summary}\n.SH ${h_synopsis}\n.nf\n")
foreach(line IN LISTS synopsis)
  roff_escape("${line}" line)
  string(APPEND man "${line}\n")
endforeach()
string(APPEND man ".fi\n.SH ${h_description}\n")
roff_body("${notes}" body)
string(APPEND man "${body}.SH ${h_commands}\n")

set(completion_cases "")
set(value_cases "")
foreach(command IN LISTS commands)
  run_help(command_help ${command} --help)
  split_lines("${command_help}" command_lines)
  list(POP_FRONT command_lines usage)
  # A usage too long for one line continues on indented lines.
  while(command_lines)
    list(GET command_lines 0 continued)
    if(NOT continued MATCHES "^ +[^ ]")
      break()
    endif()
    list(POP_FRONT command_lines continued)
    string(STRIP "${continued}" continued)
    string(APPEND usage " ${continued}")
  endwhile()
  string(REGEX REPLACE "^[^:]*: *" "" usage "${usage}")  # "usage: " in any language
  roff_escape("${usage}" usage_roff)
  roff_body("${command_lines}" command_body)
  string(APPEND man ".SS ${command}\n\\fB${usage_roff}\\fR\n${command_body}")

  # Completion: options and their values from the usage line, positional files by extension.
  string(REGEX REPLACE "[][]|\\.\\.\\." " " flat "${usage}")
  string(REGEX REPLACE " +" ";" tokens "${flat}")
  list(FILTER tokens EXCLUDE REGEX "^$")
  list(REMOVE_AT tokens 0 1)  # "tenkai COMMAND"
  set(options "--quiet --help")
  set(positional "")
  list(LENGTH tokens count)
  set(i 0)
  while(i LESS count)
    list(GET tokens ${i} token)
    math(EXPR next "${i} + 1")
    if(token MATCHES "^--")
      string(APPEND options " ${token}")
      set(value "")
      if(next LESS count)
        list(GET tokens ${next} value)
        if(value MATCHES "^-|^\\|$")
          set(value "")
        else()
          set(i ${next})
        endif()
      endif()
      if(value MATCHES "\\|")
        string(REPLACE "|" " " words "${value}")
        string(APPEND value_cases "    ${command}:${token}) _tenkai_words \"${words}\" ;;\n")
      elseif(value MATCHES "\\.([A-Za-z0-9]+)$")
        string(APPEND value_cases "    ${command}:${token}) _tenkai_files ${CMAKE_MATCH_1} ;;\n")
      elseif(value MATCHES "DIR")
        string(APPEND value_cases "    ${command}:${token}) _tenkai_dirs ;;\n")
      elseif(value)
        string(APPEND value_cases "    ${command}:${token}) _tenkai_files '*' ;;\n")
      endif()
    elseif(NOT positional AND token MATCHES "\\.([A-Za-z0-9]+)$")
      set(positional "${CMAKE_MATCH_1}")
    endif()
    math(EXPR i "${i} + 1")
  endwhile()
  # Options the help text names beyond the usage line (flags such as --excel).
  string(REGEX MATCHALL "--[a-z][a-z-]*" named "${command_help}")
  foreach(option IN LISTS named)
    if(NOT " ${options} " MATCHES " ${option} ")
      string(APPEND options " ${option}")
    endif()
  endforeach()
  string(APPEND completion_cases
         "    ${command}) options=\"${options}\" files=\"${positional}\" ;;\n")
endforeach()

string(APPEND man ".SH ${h_see_also}\n${see_also}\n")
string(REPLACE "@SEMICOLON@" ";" man "${man}")
file(WRITE "${MAN}" "${man}")

if(COMPLETION)
  string(REPLACE ";" " " command_words "${commands}")
  file(WRITE "${COMPLETION}" "# bash completion for tenkai, generated from 'tenkai --help' at build time.
_tenkai_words() { COMPREPLY=($(compgen -W \"$1\" -- \"$cur\")); }
_tenkai_dirs() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\\n'
  COMPREPLY=($(compgen -d -- \"$cur\"))
}
_tenkai_files() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\\n'
  if [[ $1 == '*' ]]; then
    COMPREPLY=($(compgen -f -- \"$cur\"))
  else
    COMPREPLY=($(compgen -d -- \"$cur\") $(compgen -f -X \"!*.$1\" -- \"$cur\"))
    [[ $1 == yaml ]] && COMPREPLY+=($(compgen -f -X '!*.yml' -- \"$cur\"))
  fi
}
_tenkai() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local command=\${COMP_WORDS[1]} options='' files=''
  if ((COMP_CWORD == 1)); then
    _tenkai_words \"${command_words} --help --version\"
    return
  fi
  case $command in
${completion_cases}    *) return ;;
  esac
  case $command:$prev in
${value_cases}    *)
      if [[ $cur == -* || -z $files ]]; then
        _tenkai_words \"$options\"
      else
        _tenkai_files \"$files\"
      fi
      ;;
  esac
}
complete -F _tenkai tenkai
")
endif()
