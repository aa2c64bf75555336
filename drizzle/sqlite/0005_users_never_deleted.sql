-- Users are never hard-deleted: history names them. Deactivation clears `active` instead.
CREATE TRIGGER users_no_delete BEFORE DELETE ON users
BEGIN
  SELECT RAISE(ABORT, 'users are never deleted; deactivate instead');
END;
