"""The examinee's screens: login, assessment list, instructions, attempt, review, result."""
