# A class on one server (issue 16): setting a class up, its roster, invitations, accounts.
# Keys start with "class-".
class-accounts-taken = already in the class: { $ids } (kioku class reset-code gives one of them a new code)
class-roster-encoding = { $file }:{ $line }: the roster is neither UTF-8 nor Shift_JIS; save it from Excel as "CSV UTF-8"
class-roster-header = { $file }:1: the header has no { $missing } column (the roster needs 学籍番号 or id, and 氏名 or name; クラス or group is optional)
class-roster-empty = { $file }: the roster names no student
class-roster-no-id = { $file }:{ $line }: no 学籍番号 (id)
class-roster-no-name = { $file }:{ $line }: no 氏名 (name), or longer than 100 characters
class-roster-reserved = { $file }:{ $line }: the id "teacher" is the teacher's account; give the student another id
class-roster-exponent = { $file }:{ $line }: the id { $id } is a number Excel shortened (its digits are lost); format the column as text in Excel and save again
class-roster-bad-id = { $file }:{ $line }: the id "{ $id }" may hold only letters, digits, "-", "_" and "." (at most 100)
class-roster-duplicate = { $file }:{ $line }: the id { $id } is already on line { $first }
class-roster-malformed = { $file }:{ $line }: not a CSV line ({ $reason })
class-exists = { $dir } is already a class (it has { $db }); add students with `kioku class add-students`
class-not-a-class = { $dir } is not a class folder (no { $db }); make one with `kioku class init { $dir } --roster FILE`
class-created = made the class in { $dir }: { $students } { $students ->
    [one] student
   *[other] students
}, decks from { $decks }
class-teacher-password = teacher password (shown only now; sign in as "teacher"): { $password }
class-invites-written = invitations for { $n } { $n ->
    [one] student
   *[other] students
}: { $csv } and { $html } (readable by you only: they hold the codes; print the page, then delete both)
class-added = added { $n } { $n ->
    [one] student
   *[other] students
} to { $dir }
class-no-student = no student { $id } in { $dir }
class-code-reset = new code for { $id }: { $code } (their password is cleared and their sessions ended)
class-removed = { $id } can no longer sign in; their answers are kept (--delete-data erases them)
class-erased = { $id } and every answer, exam, plan and setting of theirs are erased
class-public-url-invalid = --public-url: '{ $url }' is not an http:// or https:// address with a host (e.g. https://kioku.example.ed.jp)
class-invite-title = kioku: invitations
class-invite-heading = kioku: your sign-in
class-invite-id = Student ID (学籍番号):
class-invite-name = Name:
class-invite-code = Code:
class-invite-open = Open:
class-invite-password = Sign in with your student ID and this code; you may then choose a password (the code then stops working). Keep this card to yourself.
# kioku serve --class: signing in, the password page, the teacher's list, refusals.
class-web-sign-in-title = Sign in
class-web-id = Student ID (学籍番号)
class-web-code-or-password = Code or password
class-web-sign-in = Sign in
class-web-sign-in-hint = Type the code from your invitation until you choose a password. After { $n } wrong tries, wait { $minutes } minutes.
class-web-sign-in-failed = The ID, code or password is not right.
class-web-sign-in-too-many = Too many wrong tries: wait 15 minutes, or ask your teacher for a new code.
class-web-sign-in-incomplete = Give your ID and your code or password.
class-web-signed-out = You have signed out.
class-web-sign-out = Sign out
class-web-refused-sign-in = Sign in first (open the sign-in page of this class).
class-web-refused-forbidden = This page is not for your account.
class-web-password-title = Choose a password
class-web-password-why = From now on you can sign in with a password of your own; your invitation code then stops working.
class-web-password-new = New password (at least 8 characters)
class-web-password-again = The same password again
class-web-password-save = Save the password
class-web-password-later = Not now: go to my cards
class-web-password-short = A password needs at least { $min } characters (and at most 200).
class-web-password-differ = The two passwords differ.
class-web-password-saved = Your password is saved; your invitation code no longer works.
class-web-teacher-title = Your class
class-web-students-caption = { $n } { $n ->
    [one] student
   *[other] students
}
class-web-name = Name
class-web-group = Group
class-web-reviews = Answers
class-web-last-review = Last studied
class-web-status = Sign-in
class-web-status-removed = removed
class-web-status-password = password
class-web-status-code = code only
class-web-limit = { $key } can be at most { $max } in this class (the teacher's limit)
class-serve-clear-text = warning: no https public URL (--public-url https://…): passwords and codes travel in clear; put the server behind a TLS proxy (see the README)
class-serve-started = kioku: the class's sign-in page is at the address above (teacher: sign in as "teacher"); Ctrl-C stops the server
